/**
 * Turns same-span condition sets into Zipkin search parameters. Zipkin tests each parameter against
 * some span of the trace (with `serviceName`, some span of that service), not all against one span,
 * so a search built from one candidate's conditions matches every trace TraceQL would: it is looser,
 * never stricter. What is pushed, and why it is exact enough:
 *
 *   - `resource.service.name = "x"` → serviceName; `name = "x"` → spanName. Zipkin lower-cases both
 *     the stored names and these parameters, and the decoder reads the stored (lower-cased) names,
 *     so a literal with capitals can match nothing in the engine anyway (the query editor says so).
 *   - `span.k` / `.k` = a string or boolean literal → annotationQuery `k=v`, compared exactly with
 *     the tag's text. Only strings and booleans: a number like 500 is also the value of the tags
 *     "500.0" and "5e2", which `k=500` would miss. Not for values or keys Zipkin's query syntax
 *     cannot carry (it trims keys and values, splits on " and " and at the first "=").
 *   - `span.k != nil` / `.k != nil` → annotationQuery `k` (the tag key present, or an annotation
 *     with that value: looser).
 *   - keys the decoder takes out of tags (`error`, `otel.status_code`, `otel.scope.*`, ...) or may
 *     fill from the remote endpoint (`peer.service`, `network.peer.*`) are never pushed as tags.
 *   - `status = error` is an error status from either tag: two searches, annotationQuery `error`
 *     and annotationQuery `otel.status_code=ERROR`, merged. (OpenTelemetry's exporters write the
 *     `error` tag only when the status has a description.)
 *   - `duration >(=) d` → minDuration, rounded down to whole µs (not pushed below 1 µs);
 *     `duration <(=) d` → maxDuration, rounded up, only together with a minimum, since Zipkin takes
 *     no maximum alone and a pushed minimum of 1 µs would drop spans without a duration.
 */
import type { FieldExpr, StaticNode } from '../../traceql/ast';
import type { Candidate, Conjunct } from '../../plan/requiredSpans';

export interface ZipkinCondition {
  readonly param: 'serviceName' | 'spanName' | 'annotationQuery' | 'minDuration' | 'maxDuration' | 'status';
  /** The text sent (annotationQuery term, name) or microseconds. */
  readonly value: string | number;
  readonly source: string;
}

export interface ZipkinPushdown {
  readonly serviceName?: string;
  readonly spanName?: string;
  /** Terms every search carries, e.g. `http.method=GET`, `db.system`. */
  readonly annotationQuery: readonly string[];
  /**
   * One search per entry, each adding its terms to `annotationQuery`; the union of their answers
   * is what the query can match. `[[]]` when nothing disjunctive was pushed.
   */
  readonly alternatives: ReadonlyArray<readonly string[]>;
  readonly minDurationUs?: number;
  readonly maxDurationUs?: number;
  readonly conditions: readonly ZipkinCondition[];
  readonly notPushed: ReadonlyArray<{ readonly source: string; readonly reason: string }>;
}

/** Keys the decoder reads into status or scope, or may fill from remoteEndpoint. */
const RESERVED_KEYS = new Set([
  'error',
  'otel.status_code',
  'otel.status_description',
  'otel.scope.name',
  'otel.scope.version',
  'otel.library.name',
  'otel.library.version',
  'peer.service',
  'network.peer.address',
  'network.peer.port',
]);

const ERROR_ALTERNATIVES: ReadonlyArray<readonly string[]> = [['error'], ['otel.status_code=ERROR']];

type Cmp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~';
const FLIP: Partial<Record<Cmp, Cmp>> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function comparison(e: FieldExpr): { field: FieldExpr; op: Cmp; value: StaticNode } | null {
  if (e.type !== 'FieldBinary' || !(e.op in FLIP || e.op === '=~' || e.op === '!~')) {
    return null;
  }
  const op = e.op as Cmp;
  const unwrap = (x: FieldExpr): FieldExpr => (x.type === 'FieldParen' ? unwrap(x.expr) : x);
  const l = unwrap(e.left);
  const r = unwrap(e.right);
  if (r.type === 'Static' && l.type !== 'Static') {
    return { field: l, op, value: r };
  }
  if (l.type === 'Static' && r.type !== 'Static') {
    const flipped = FLIP[op];
    return flipped ? { field: r, op: flipped, value: l } : null;
  }
  return null;
}

/** Text Zipkin's annotationQuery parser gives back unchanged: no trimming, no splitting. */
function carriable(text: string): boolean {
  return text.length > 0 && text === text.trim() && !text.includes(' and ') && !/[\u0000-\u001f]/.test(text);
}

type Classified = { ok: true; param: ZipkinCondition['param']; value: string | number } | { ok: false; reason: string };

function tagKey(field: FieldExpr): string | null {
  if (field.type !== 'Attribute' || field.parent) {
    return null;
  }
  return field.scope === 'span' || field.scope === 'unscoped' ? field.name : null;
}

function classify(e: FieldExpr): Classified {
  const c = comparison(e);
  if (!c) {
    return { ok: false, reason: 'not a comparison of a field with a literal' };
  }
  const { field, op, value } = c;
  const v = value.value;
  if (field.type === 'Intrinsic') {
    if (field.name === 'span:name') {
      return op === '=' && v.kind === 'string'
        ? { ok: true, param: 'spanName', value: v.value }
        : { ok: false, reason: 'Zipkin matches span names exactly only' };
    }
    if (field.name === 'span:status') {
      return op === '=' && v.kind === 'status' && v.value === 'error'
        ? { ok: true, param: 'status', value: 'error' }
        : { ok: false, reason: 'Zipkin can search for error spans only' };
    }
    if (field.name === 'span:duration' && v.kind === 'duration') {
      if (op === '>' || op === '>=') {
        const us = Math.floor(v.value / 1000);
        return us >= 1
          ? { ok: true, param: 'minDuration', value: us }
          : { ok: false, reason: 'Zipkin durations start at 1 µs' };
      }
      if (op === '<' || op === '<=') {
        return { ok: true, param: 'maxDuration', value: Math.ceil(v.value / 1000) };
      }
    }
    return { ok: false, reason: `Zipkin cannot filter on ${field.raw}` };
  }
  if (field.type === 'Attribute' && field.scope === 'resource' && !field.parent && field.name === 'service.name') {
    return op === '=' && v.kind === 'string'
      ? { ok: true, param: 'serviceName', value: v.value }
      : { ok: false, reason: 'Zipkin matches service names exactly only' };
  }
  const key = tagKey(field);
  if (key === null) {
    return { ok: false, reason: 'Zipkin searches span tags only' };
  }
  if (key === 'service.name') {
    return { ok: false, reason: 'an unscoped service.name may be the service or a tag' };
  }
  if (RESERVED_KEYS.has(key) || key.includes('=') || !carriable(key)) {
    return { ok: false, reason: `Zipkin's annotationQuery cannot carry the key "${key}" exactly` };
  }
  if (op === '!=' && v.kind === 'nil') {
    return { ok: true, param: 'annotationQuery', value: key };
  }
  if (op !== '=') {
    return { ok: false, reason: 'Zipkin matches tags by equality or presence only' };
  }
  if (v.kind === 'bool') {
    return { ok: true, param: 'annotationQuery', value: `${key}=${v.value ? 'true' : 'false'}` };
  }
  if (v.kind === 'string') {
    return carriable(v.value)
      ? { ok: true, param: 'annotationQuery', value: `${key}=${v.value}` }
      : { ok: false, reason: 'Zipkin\'s annotationQuery trims values and splits on " and "' };
  }
  return { ok: false, reason: 'Zipkin compares tag text: a number has several spellings (500, 500.0, 5e2)' };
}

/** Zipkin parameters for one candidate: every pushable conjunct, the rest reported. */
export function pushdownFor(candidate: Candidate): ZipkinPushdown {
  const conditions: ZipkinCondition[] = [];
  const notPushed: Array<{ source: string; reason: string }> = [];
  const terms: string[] = [];
  let serviceName: string | undefined;
  let spanName: string | undefined;
  let min: number | undefined;
  let max: number | undefined;
  let alternatives: ReadonlyArray<readonly string[]> = [[]];
  const maxSources: Conjunct[] = [];
  for (const conj of candidate) {
    const r = classify(conj.expr);
    if (!r.ok) {
      notPushed.push({ source: conj.key, reason: r.reason });
      continue;
    }
    let pushed = true;
    if (r.param === 'serviceName' && serviceName === undefined) {
      serviceName = String(r.value);
    } else if (r.param === 'spanName' && spanName === undefined) {
      spanName = String(r.value);
    } else if (r.param === 'annotationQuery' && !terms.includes(String(r.value))) {
      terms.push(String(r.value));
    } else if (r.param === 'status' && alternatives.length === 1) {
      alternatives = ERROR_ALTERNATIVES;
    } else if (r.param === 'minDuration') {
      min = Math.max(min ?? 0, Number(r.value));
    } else if (r.param === 'maxDuration') {
      max = Math.min(max ?? Number.MAX_SAFE_INTEGER, Number(r.value));
      maxSources.push(conj);
      continue; // recorded below, once it is known whether a minimum goes with it
    } else {
      pushed = false;
      notPushed.push({ source: conj.key, reason: 'another condition on the same parameter was pushed' });
    }
    if (pushed) {
      conditions.push({ param: r.param, value: r.value, source: conj.key });
    }
  }
  if (max !== undefined && min === undefined) {
    for (const c of maxSources) {
      notPushed.push({ source: c.key, reason: 'Zipkin takes a maximum duration only with a minimum' });
    }
    max = undefined;
  } else if (max !== undefined) {
    for (const c of maxSources) {
      conditions.push({ param: 'maxDuration', value: max, source: c.key });
    }
  }
  return {
    serviceName,
    spanName,
    annotationQuery: terms,
    alternatives,
    minDurationUs: min,
    maxDurationUs: max,
    conditions,
    notPushed,
  };
}

/** Prefers a service, then a span name, then the most conditions; fewer searches break ties. */
export function pushdownScore(p: ZipkinPushdown): number {
  return (
    (p.serviceName !== undefined ? 1000 : 0) +
    (p.spanName !== undefined ? 100 : 0) +
    p.annotationQuery.length * 10 +
    (p.alternatives.length > 1 ? 8 : 0) +
    (p.minDurationUs !== undefined ? 5 : 0) +
    (p.maxDurationUs !== undefined ? 5 : 0)
  );
}

export function choosePushdown(candidates: readonly Candidate[]): ZipkinPushdown {
  let best: ZipkinPushdown | undefined;
  for (const c of candidates) {
    const p = pushdownFor(c);
    if (best === undefined || pushdownScore(p) > pushdownScore(best)) {
      best = p;
    }
  }
  return best ?? pushdownFor([]);
}
