/**
 * What a template variable asks for, written as text in the variable editor:
 *   services
 *   operations(<service>)
 *   attributes            attributes(<scope>)       scope: resource, span, intrinsic, event, link, instrumentation
 *   values(<attribute>)   values(<attribute>, <TraceQL filter>)
 */
export type VariableQuery =
  | { kind: 'services' }
  | { kind: 'operations'; service: string }
  | { kind: 'attributes'; scope?: string }
  | { kind: 'values'; attribute: string; filter?: string };

export type ParsedVariableQuery = { ok: true; value: VariableQuery } | { ok: false; message: string };

const SCOPES = new Set(['resource', 'span', 'intrinsic', 'event', 'link', 'instrumentation']);

export const VARIABLE_QUERY_HELP =
  'Use services, operations(<service>), attributes, attributes(<scope>), values(<attribute>) or values(<attribute>, <TraceQL filter>)';

export function parseVariableQuery(text: string): ParsedVariableQuery {
  const t = text.trim();
  if (t === 'services') {
    return { ok: true, value: { kind: 'services' } };
  }
  if (t === 'attributes') {
    return { ok: true, value: { kind: 'attributes' } };
  }
  const call = /^(operations|attributes|values)\s*\(([\s\S]*)\)$/.exec(t);
  if (!call) {
    return { ok: false, message: `"${t}" is not a variable query. ${VARIABLE_QUERY_HELP}` };
  }
  const [, fn, rawArgs] = call;
  const args = rawArgs.trim();
  switch (fn) {
    case 'operations':
      return args === ''
        ? { ok: false, message: 'operations() needs a service name' }
        : { ok: true, value: { kind: 'operations', service: unquote(args) } };
    case 'attributes':
      return SCOPES.has(args)
        ? { ok: true, value: { kind: 'attributes', scope: args } }
        : { ok: false, message: `unknown attribute scope "${args}"` };
    default: {
      const comma = args.indexOf(',');
      const attribute = (comma < 0 ? args : args.slice(0, comma)).trim();
      const filter = comma < 0 ? undefined : args.slice(comma + 1).trim() || undefined;
      return attribute === ''
        ? { ok: false, message: 'values() needs an attribute such as resource.service.name' }
        : { ok: true, value: { kind: 'values', attribute, filter } };
    }
  }
}

function unquote(s: string): string {
  const m = /^"(.*)"$/.exec(s);
  return m ? m[1].replace(/\\(.)/g, '$1') : s;
}
