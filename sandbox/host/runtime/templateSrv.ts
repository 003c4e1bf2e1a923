import { ScopedVars, TimeRange, TypedVariableModel, escapeRegex, getDefaultTimeRange, rangeUtil } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

import { resolveDataMacro } from './dataMacros';
import { findVariableReferences, replaceVariableReferences } from './variableSyntax';

/** A dashboard variable as saved in dashboard JSON (`templating.list[]`), the part we interpolate. */
export interface SavedVariable {
  name: string;
  label?: string;
  type: string;
  /** 0 shows label and picker, 1 the picker only, 2 neither (Grafana's VariableHide). */
  hide?: number;
  current?: { value?: string | string[]; text?: string | string[] };
  query?: string;
}

// Grafana types custom formatters as a bare Function; they are called as (value, variable).
type Formatter = string | Function | undefined;

function formatValue(value: string | string[], format: Formatter): string {
  if (typeof format === 'function') {
    return String(format(value));
  }
  const values = Array.isArray(value) ? value : [value];
  switch (format) {
    case 'csv':
    case 'raw':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'json':
      return JSON.stringify(value);
    case 'regex':
      return values.length === 1 ? escapeRegex(values[0]) : `(${values.map(escapeRegex).join('|')})`;
    // Grafana's docs: each value quoted, with the quote character inside it escaped by a backslash.
    case 'doublequote':
      return values.map((item) => `"${item.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return values.map((item) => `'${item.replace(/'/g, "\\'")}'`).join(',');
    default:
      // Grafana's default for multi-value variables is the glob form {a,b}.
      return values.length === 1 ? values[0] : `{${values.join(',')}}`;
  }
}

/**
 * The template service plugins get from getTemplateSrv(): dashboard variables (their saved current
 * value), scoped vars, and the built-in time variables.
 */
export class SandboxTemplateSrv implements TemplateSrv {
  private variables: SavedVariable[] = [];
  private timeRange: TimeRange = getDefaultTimeRange();

  setVariables(variables: SavedVariable[]): void {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    // Saved dashboard JSON is the serialized form of TypedVariableModel; plugins read name/current.
    return this.variables as unknown as TypedVariableModel[];
  }

  updateTimeRange(timeRange: TimeRange): void {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    return findVariableReferences(target).some((ref) => this.lookup(ref.name, undefined) !== undefined);
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: Formatter): string {
    if (!target) {
      return target ?? '';
    }
    return replaceVariableReferences(target, (ref) => {
      const value = resolveDataMacro(ref.name, ref.fieldPath, scopedVars) ?? this.lookup(ref.name, scopedVars);
      return value === undefined ? undefined : formatValue(value, ref.format ?? format);
    });
  }

  private lookup(name: string, scopedVars: ScopedVars | undefined): string | string[] | undefined {
    const scoped = scopedVars?.[name];
    if (scoped !== undefined) {
      return typeof scoped.value === 'string' || Array.isArray(scoped.value) ? scoped.value : String(scoped.value);
    }
    const variable = this.variables.find((candidate) => candidate.name === name);
    if (variable) {
      return variable.current?.value ?? variable.query ?? '';
    }
    const { from, to } = this.timeRange;
    switch (name) {
      case '__from':
        return String(from.valueOf());
      case '__to':
        return String(to.valueOf());
      case '__range':
        return rangeUtil.secondsToHms(Math.round((to.valueOf() - from.valueOf()) / 1000));
      case '__range_s':
        return String(Math.round((to.valueOf() - from.valueOf()) / 1000));
      case '__range_ms':
        return String(to.valueOf() - from.valueOf());
      default:
        return undefined;
    }
  }
}
