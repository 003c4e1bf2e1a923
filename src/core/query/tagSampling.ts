/**
 * Tag names and values for editors on backends without a tags API (Jaeger): collected from a
 * sample of traces. Results are sorted and capped so an editor dropdown stays usable.
 */
import type { TagScope, TagValue } from '../backends/types';
import { WholeDouble } from '../model/wholeDouble';
import type { AttributeValue, Span, Trace } from '../model/types';

const MAX_VALUES = 500;

/** The intrinsics every span has, in Tempo's v2 tags naming. */
export const INTRINSIC_TAGS = [
  'duration',
  'event:name',
  'kind',
  'name',
  'rootName',
  'rootServiceName',
  'span:duration',
  'span:id',
  'span:kind',
  'span:name',
  'span:parentID',
  'span:status',
  'span:statusMessage',
  'status',
  'statusMessage',
  'trace:duration',
  'trace:id',
  'trace:rootName',
  'trace:rootService',
  'traceDuration',
];

export function sampleTags(traces: readonly Trace[]): TagScope[] {
  const span = new Set<string>();
  const resource = new Set<string>();
  const event = new Set<string>();
  for (const t of traces) {
    for (const s of t.spans) {
      Object.keys(s.attributes).forEach((k) => span.add(k));
      Object.keys(s.resource.attributes).forEach((k) => resource.add(k));
      s.events.forEach((e) => Object.keys(e.attributes).forEach((k) => event.add(k)));
    }
  }
  const sorted = (xs: Set<string>) => [...xs].sort();
  return [
    { name: 'resource', tags: sorted(resource) },
    { name: 'span', tags: sorted(span) },
    { name: 'event', tags: sorted(event) },
    { name: 'intrinsic', tags: INTRINSIC_TAGS },
  ];
}

type Reader = (s: Span) => AttributeValue | undefined;

function readerFor(tag: string): Reader {
  const intrinsic: Record<string, Reader> = {
    name: (s) => s.name,
    'span:name': (s) => s.name,
    kind: (s) => s.kind,
    'span:kind': (s) => s.kind,
    status: (s) => s.statusCode,
    'span:status': (s) => s.statusCode,
    statusMessage: (s) => s.statusMessage || undefined,
    'span:statusMessage': (s) => s.statusMessage || undefined,
    'resource.service.name': (s) => s.resource.serviceName,
  };
  if (tag in intrinsic) {
    return intrinsic[tag];
  }
  const scoped = /^(span|resource|event)?\.(.+)$/.exec(tag);
  const scope = scoped ? (scoped[1] ?? 'unscoped') : 'unscoped';
  const key = scoped ? scoped[2] : tag;
  switch (scope) {
    case 'span':
      return (s) => s.attributes[key];
    case 'resource':
      return (s) => s.resource.attributes[key];
    case 'event':
      return (s) => s.events.find((e) => key in e.attributes)?.attributes[key];
    default:
      return (s) => s.attributes[key] ?? s.resource.attributes[key];
  }
}

function typed(v: AttributeValue): TagValue[] {
  if (Array.isArray(v)) {
    return v.flatMap(typed);
  }
  switch (typeof v) {
    case 'string':
      return [{ type: 'string', value: v }];
    case 'boolean':
      return [{ type: 'bool', value: String(v) }];
    case 'bigint':
      return [{ type: 'int', value: v.toString() }];
    case 'number':
      return [{ type: Number.isInteger(v) ? 'int' : 'float', value: String(v) }];
    default:
      return v instanceof WholeDouble ? [{ type: 'float', value: String(v.value) }] : [];
  }
}

export function sampleTagValues(traces: readonly Trace[], tag: string): TagValue[] {
  const read = readerFor(tag);
  const seen = new Map<string, TagValue>();
  for (const t of traces) {
    for (const s of t.spans) {
      const v = read(s);
      if (v === undefined) {
        continue;
      }
      for (const tv of typed(v)) {
        seen.set(`${tv.type}\u0000${tv.value}`, tv);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.value.localeCompare(b.value)).slice(0, MAX_VALUES);
}
