import { DataFrame, Field, FieldType, ScopedVars, formattedValueToString, getFieldDisplayName } from '@grafana/data';

/*
 * The data-link variables Grafana documents ("Data links" → "Data link variables"), which its core
 * template service resolves and plugins cannot: @grafana/data's link supplier only passes the cell
 * as `__dataContext` (frame, field, row) and the series and field as scoped vars. Our reading of
 * the documented behaviour:
 *   ${__value.raw}      the cell's value as stored;    ${__value.numeric}  as a number;
 *   ${__value.text}     as displayed (unit, decimals); ${__value.time}     the row's time (epoch ms);
 *   ${__value.calc}     the reducer's name for a calculated (non-row) value; bare ${__value} = text;
 *   ${__data.fields[i]}, ${__data.fields.name}, ${__data.fields["name"]}  another field of the same
 *     row (by index, name or display name), optionally .raw/.numeric/.text;
 *   ${__series.name}, ${__field.name}, ${__field.labels.key}  from the scoped vars the supplier sets.
 */

type Part = 'raw' | 'numeric' | 'text';

function rowValue(field: Field, row: number, part: Part): string {
  const raw: unknown = field.values[row];
  if (part === 'raw') {
    return raw === undefined || raw === null ? '' : String(raw);
  }
  const display = field.display?.(raw);
  if (part === 'numeric') {
    return String(display?.numeric ?? Number(raw));
  }
  return display ? formattedValueToString(display) : String(raw ?? '');
}

function fieldByReference(frame: DataFrame, reference: string): Field | undefined {
  if (/^\d+$/.test(reference)) {
    return frame.fields[Number(reference)];
  }
  return (
    frame.fields.find((field) => field.name === reference) ??
    frame.fields.find((field) => getFieldDisplayName(field, frame) === reference)
  );
}

// fields[0], fields["name"], fields['name'] or fields.name, then an optional .raw/.numeric/.text
const DATA_FIELD = /^fields(?:\[(\d+)\]|\["([^"]+)"\]|\['([^']+)'\]|\.([^.[\]]+))(?:\.(raw|numeric|text))?$/;

function valueMacro(scopedVars: ScopedVars, path: string | undefined): string | undefined {
  const context = scopedVars.__dataContext?.value;
  if (!context) {
    return undefined;
  }
  const { field, frame, rowIndex, calculatedValue } = context;
  const part = path ?? 'text';
  if (rowIndex === undefined) {
    if (!calculatedValue) {
      return undefined;
    }
    switch (part) {
      case 'raw':
      case 'numeric':
        return String(calculatedValue.numeric);
      case 'calc':
        return calculatedValue.title ?? '';
      case 'text':
        return formattedValueToString(calculatedValue);
      default:
        return undefined;
    }
  }
  switch (part) {
    case 'raw':
    case 'numeric':
    case 'text':
      return rowValue(field, rowIndex, part);
    case 'time': {
      const time = frame.fields.find((candidate) => candidate.type === FieldType.time);
      return time ? String(time.values[rowIndex]) : '';
    }
    case 'calc':
      return '';
    default:
      return undefined;
  }
}

function dataMacro(scopedVars: ScopedVars, path: string | undefined): string | undefined {
  const context = scopedVars.__dataContext?.value;
  const match = path ? DATA_FIELD.exec(path) : null;
  if (!context || context.rowIndex === undefined || !match) {
    return undefined;
  }
  const field = fieldByReference(context.frame, match[1] ?? match[2] ?? match[3] ?? match[4]);
  return field ? rowValue(field, context.rowIndex, (match[5] as Part | undefined) ?? 'raw') : undefined;
}

/** `value` at a dotted path (`labels.service`), for the object-valued scoped vars. */
function atPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The value of a data-link macro or of a path into an object-valued scoped var, or undefined when
 * `name` is neither (the caller then looks it up as a dashboard variable).
 */
export function resolveDataMacro(
  name: string,
  path: string | undefined,
  scopedVars: ScopedVars | undefined
): string | undefined {
  if (!scopedVars) {
    return undefined;
  }
  if (name === '__value') {
    return valueMacro(scopedVars, path);
  }
  if (name === '__data') {
    return dataMacro(scopedVars, path);
  }
  const scoped = scopedVars[name];
  if (path && scoped && scoped.value !== null && typeof scoped.value === 'object') {
    const value = atPath(scoped.value, path);
    return value === undefined ? undefined : String(value);
  }
  return undefined;
}
