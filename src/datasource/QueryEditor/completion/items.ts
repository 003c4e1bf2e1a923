import { quoteTraceQLString } from '../../templating/quote';
import type { Situation } from './situation';

export type CompletionKind =
  'scope' | 'intrinsic' | 'attribute' | 'operator' | 'value' | 'keyword' | 'function' | 'snippet';

export interface CompletionItem {
  label: string;
  insertText: string;
  kind: CompletionKind;
  detail?: string;
}

/** Where attribute names and values come from (the backend's tag APIs, through the data source). */
export interface CompletionSource {
  /** TraceQL identifiers: `resource.service.name`, `span.http.route`, and intrinsic names. */
  attributeNames(): Promise<string[]>;
  /** `filter` is a `{ ... }` selector narrowing the values to spans that match it. */
  attributeValues(attribute: string, filter?: string): Promise<string[]>;
}

const SCOPES: CompletionItem[] = ['span.', 'resource.', 'event.', 'link.', 'instrumentation.', '.'].map((s) => ({
  label: s,
  insertText: s,
  kind: 'scope',
  detail: s === '.' ? 'span, then resource attribute' : `${s.slice(0, -1)} attribute`,
}));

const INTRINSICS: Array<[string, string]> = [
  ['name', 'span name'],
  ['status', 'ok, error or unset'],
  ['duration', 'span duration'],
  ['kind', 'span kind'],
  ['statusMessage', 'status message'],
  ['span:name', 'span name'],
  ['span:status', 'ok, error or unset'],
  ['span:duration', 'span duration'],
  ['span:kind', 'span kind'],
  ['span:statusMessage', 'status message'],
  ['span:id', 'span id (hex)'],
  ['span:parentID', 'parent span id (hex)'],
  ['span:childCount', 'number of children'],
  ['trace:duration', 'whole trace duration'],
  ['trace:rootName', 'root span name'],
  ['trace:rootService', 'root span service'],
  ['trace:id', 'trace id (hex)'],
  ['event:name', 'span event name'],
  ['event:timeSinceStart', 'event time since span start'],
  ['link:traceID', 'linked trace id'],
  ['link:spanID', 'linked span id'],
  ['instrumentation:name', 'instrumentation scope name'],
  ['instrumentation:version', 'instrumentation scope version'],
];

const OPERATORS: Array<[string, string]> = [
  ['=', 'equals'],
  ['!=', 'not equal'],
  ['>', 'greater than'],
  ['>=', 'at least'],
  ['<', 'less than'],
  ['<=', 'at most'],
  ['=~', 'matches regex (anchored)'],
  ['!~', 'does not match regex'],
];

const STATUS = ['ok', 'error', 'unset'];
const KINDS = ['server', 'client', 'internal', 'producer', 'consumer', 'unspecified'];
const DURATION_FIELDS = new Set([
  'duration',
  'span:duration',
  'traceDuration',
  'trace:duration',
  'event:timeSinceStart',
]);
const STATUS_FIELDS = new Set(['status', 'span:status']);
const KIND_FIELDS = new Set(['kind', 'span:kind']);

/** Intrinsics whose values the tag-values API knows under another identifier. */
const VALUE_SOURCE: Record<string, string> = {
  rootServiceName: 'resource.service.name',
  'trace:rootService': 'resource.service.name',
  'span:name': 'name',
  rootName: 'name',
  'trace:rootName': 'name',
};

const STAGES: CompletionItem[] = [
  { label: 'count() >', insertText: 'count() > ', kind: 'function', detail: 'spansets with more than N spans' },
  { label: 'avg(duration) >', insertText: 'avg(duration) > ', kind: 'function' },
  { label: 'max(duration) >', insertText: 'max(duration) > ', kind: 'function' },
  { label: 'by()', insertText: 'by(resource.service.name)', kind: 'function', detail: 'split spansets by a field' },
  { label: 'select()', insertText: 'select(span.http.route)', kind: 'function', detail: 'return more fields' },
  { label: 'coalesce()', insertText: 'coalesce()', kind: 'function' },
  { label: 'rate()', insertText: 'rate()', kind: 'function', detail: 'metrics: spans per second' },
  { label: 'count_over_time()', insertText: 'count_over_time()', kind: 'function', detail: 'metrics: spans per step' },
  {
    label: 'quantile_over_time()',
    insertText: 'quantile_over_time(duration, .99)',
    kind: 'function',
    detail: 'metrics',
  },
  { label: 'histogram_over_time()', insertText: 'histogram_over_time(duration)', kind: 'function', detail: 'metrics' },
];

const SPANSET_OPS: Array<[string, string]> = [
  ['|', 'pipe into an aggregate, by(), select() or a metrics function'],
  ['&&', 'both spansets in the trace'],
  ['||', 'either spanset'],
  ['>>', 'descendants of the left side'],
  ['>', 'children of the left side'],
  ['<<', 'ancestors'],
  ['<', 'parents'],
  ['~', 'siblings'],
];

function matching(prefix: string, items: CompletionItem[]): CompletionItem[] {
  return prefix === '' ? items : items.filter((i) => i.label.startsWith(prefix));
}

async function fieldItems(prefix: string, source: CompletionSource): Promise<CompletionItem[]> {
  const intrinsics: CompletionItem[] = INTRINSICS.map(([label, detail]) => ({
    label,
    insertText: label,
    kind: 'intrinsic',
    detail,
  }));
  const names = await source.attributeNames();
  const attributes: CompletionItem[] = names
    .filter((n) => n.includes('.'))
    .map((n) => ({ label: n, insertText: n, kind: 'attribute' }));
  if (prefix.startsWith('.')) {
    // Unscoped `.name` reads span then resource attributes, so offer every scope's names.
    const unscoped = [...new Set(names.filter((n) => n.includes('.')).map((n) => n.slice(n.indexOf('.'))))].sort();
    return matching(
      prefix,
      unscoped.map((n) => ({ label: n, insertText: n, kind: 'attribute' }))
    );
  }
  // Once a scope is typed (`resource.`), only that scope's attributes make sense.
  if (prefix.includes('.')) {
    return matching(prefix, attributes);
  }
  return [...matching(prefix, SCOPES), ...matching(prefix, intrinsics), ...matching(prefix, attributes)];
}

async function valueItems(
  field: string,
  op: string,
  prefix: string,
  source: CompletionSource,
  filter?: string
): Promise<CompletionItem[]> {
  const words = (values: string[]) => values.map<CompletionItem>((v) => ({ label: v, insertText: v, kind: 'value' }));
  if (STATUS_FIELDS.has(field)) {
    return words(STATUS);
  }
  if (KIND_FIELDS.has(field)) {
    return words(KINDS);
  }
  if (DURATION_FIELDS.has(field)) {
    return words(['100ms', '500ms', '1s', '5s']);
  }
  const values = await source.attributeValues(VALUE_SOURCE[field] ?? field, filter);
  const typed = prefix.startsWith('"') ? prefix.slice(1) : prefix;
  // Regex operators match the whole value, so a literal value must have its metacharacters escaped.
  const asText = (v: string) => (op === '=~' || op === '!~' ? v.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') : v);
  return values
    .filter((v) => v.startsWith(typed))
    .map((v) => ({ label: v, insertText: quoteTraceQLString(asText(v)), kind: 'value' }));
}

/** The suggestions for a situation; attribute names and values come from the source. */
export async function completionItems(situation: Situation, source: CompletionSource): Promise<CompletionItem[]> {
  switch (situation.type) {
    case 'start':
      return situation.afterPipe
        ? matching(situation.prefix, STAGES)
        : [
            { label: '{ }', insertText: '{ }', kind: 'snippet', detail: 'spanset filter' },
            ...matching(situation.prefix, STAGES.slice(0, 3)),
          ];
    case 'field':
      return fieldItems(situation.prefix, source);
    case 'operator':
      return OPERATORS.map(([label, detail]) => ({ label, insertText: `${label} `, kind: 'operator', detail }));
    case 'value':
      return valueItems(situation.field, situation.op, situation.prefix, source, situation.filter);
    case 'afterCondition':
      return [
        { label: '&&', insertText: '&& ', kind: 'operator', detail: 'and (same span)' },
        { label: '||', insertText: '|| ', kind: 'operator', detail: 'or (same span)' },
        { label: '}', insertText: '}', kind: 'keyword', detail: 'end of spanset' },
      ];
    case 'afterSpanset':
      return SPANSET_OPS.map(([label, detail]) => ({ label, insertText: `${label} `, kind: 'operator', detail }));
    case 'none':
      return [];
  }
}
