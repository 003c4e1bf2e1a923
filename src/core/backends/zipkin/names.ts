import { lex } from '../../traceql/lexer';
import type { Token } from '../../traceql/tokens';

/** Where a query compares a span or service name with a string literal that has capitals. */
export interface CapitalisedName {
  readonly value: string;
  /** Offsets of the string literal in the query text. */
  readonly from: number;
  readonly to: number;
}

const NAME_INTRINSICS = new Set([
  'name',
  'span:name',
  'rootName',
  'trace:rootName',
  'rootServiceName',
  'trace:rootService',
]);
// A regex literal with capitals (`name =~ "POST.*"`) cannot match lower-cased names either.
const COMPARISONS = new Set(['=', '!=', '=~', '!~']);

function isNameField(t: Token): boolean {
  if (t.kind === 'ident' || t.kind === 'scopedIntrinsic') {
    return NAME_INTRINSICS.has(t.text);
  }
  return t.kind === 'attribute' && t.attribute?.scope === 'resource' && t.attribute.name === 'service.name';
}

/**
 * Zipkin lower-cases span and service names when it stores them, so `name = "GET /users"` or
 * `resource.service.name = "Frontend"` can never match there. Found from the tokens alone (field,
 * a comparison or regex operator, string, either way round), so it also works on a query that does not parse yet.
 */
export function capitalisedNames(query: string): CapitalisedName[] {
  const tokens = lex(query).filter((t) => t.kind !== 'eof');
  const out: CapitalisedName[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, op, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (op.kind !== 'op' || !COMPARISONS.has(op.text)) {
      continue;
    }
    const literal = isNameField(a) && b.kind === 'string' ? b : isNameField(b) && a.kind === 'string' ? a : null;
    const value = literal?.value;
    if (literal && value !== undefined && value !== value.toLowerCase()) {
      out.push({ value, from: literal.from, to: literal.to });
    }
  }
  return out;
}

/**
 * The resource attributes a query reads that Zipkin cannot have. A Zipkin span keeps one resource
 * attribute, the service (`localEndpoint.serviceName`); exporters flatten every other resource
 * attribute into the span's tags, and the decoder cannot tell those tags apart from span tags, so
 * `resource.deployment.environment` is unset on every span while `.deployment.environment` finds
 * the tag. Returns each such name once, in order of appearance, from the tokens alone.
 */
export function resourceAttributesZipkinLacks(query: string): string[] {
  const names = new Set<string>();
  for (const t of lex(query)) {
    if (t.kind === 'attribute' && t.attribute?.scope === 'resource' && t.attribute.name !== 'service.name') {
      names.add(t.attribute.name);
    }
  }
  return [...names];
}
