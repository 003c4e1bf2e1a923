/** Series labels: typed values for the JSON, and Tempo's Prometheus-style text used as the series key. */
import { type KeyValue, formatGoDuration, toAnyValue } from '../search/anyValue';
import type { Value } from '../values';
import { floatLabelText, formatGoFloat } from './goFloat';

export interface Label {
  readonly name: string;
  readonly value: Value;
}

function promValue(v: Value): string {
  switch (v.t) {
    case 'nil':
      return '<nil>';
    case 'string':
      return v.v === '' ? '<empty>' : v.v === 'nil' ? '<nil>' : v.v;
    case 'duration':
      return formatGoDuration(v.v);
    case 'float':
      // `2.0`, not `2`: a whole double and the int 2 are two series in Tempo, so two here.
      return floatLabelText(v.v);
    case 'array':
      return '[' + v.v.map((e) => (e.t === 'float' ? formatGoFloat(e.v) : promValue(e))).join(' ') + ']';
    default:
      return String(v.v);
  }
}

/** `{a="x", b="y"}` with names sorted, as Prometheus prints label sets. */
export function promLabels(labels: readonly Label[]): string {
  const sorted = [...labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return '{' + sorted.map((l) => `${l.name}=${JSON.stringify(promValue(l.value))}`).join(', ') + '}';
}

export function labelsJson(labels: readonly Label[]): KeyValue[] {
  return labels.map((l) => ({ key: l.name, value: toAnyValue(l.value) }));
}
