import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { TemplateVariables } from '../language/traceql';

/**
 * The current value(s) of every dashboard and scoped variable, read through Grafana's template
 * service (so All, custom all values and repeated panels behave as elsewhere in Grafana), for the
 * core's interpolation, which escapes by where each variable sits in the TraceQL text.
 */
export function templateVariablesFor(templateSrv: TemplateSrv, scopedVars: ScopedVars | undefined): TemplateVariables {
  const names = new Set<string>([...templateSrv.getVariables().map((v) => v.name), ...Object.keys(scopedVars ?? {})]);
  const vars: Record<string, string | string[]> = {};
  for (const name of names) {
    let captured: string | string[] | undefined;
    templateSrv.replace(`\${${name}}`, scopedVars, (value: unknown) => {
      captured = Array.isArray(value) ? value.map(String) : String(value);
      return '';
    });
    if (captured !== undefined) {
      vars[name] = captured;
    }
  }
  return vars;
}
