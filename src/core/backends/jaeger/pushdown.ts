/**
 * Turns same-span condition sets into Jaeger search parameters. Only conditions Jaeger matches at
 * least as loosely as TraceQL are pushed, so the backend's answer is a superset of what the engine
 * keeps:
 *   - `resource.service.name = "x"` → service; `span:name`/`name = "x"` → operation;
 *   - `span.k`/`resource.k`/`.k` = string, int or bool → attribute k (Jaeger compares string forms
 *     against span, scope, resource, event and link attributes: looser, never stricter);
 *   - `duration` bounds → durationMin/Max, widened to whole microseconds by the client.
 * Keys Jaeger reads specially (`error`, `span.kind`, `span.status`, `scope.*`, `resource.*`) are
 * never pushed as attributes, and neither is `.service.name` (Jaeger's service is not an attribute).
 */
import { FLIP, comparison, scalarString, type Candidate, type Conjunct } from '../../plan';
import type { FieldExpr } from '../../traceql/ast';

export interface PushedCondition {
  readonly param: 'service' | 'operation' | 'attribute' | 'durationMin' | 'durationMax';
  /** Attribute key for 'attribute'. */
  readonly key?: string;
  readonly value: string | number;
  /** The TraceQL conjunct it came from. */
  readonly source: string;
  readonly from: number;
  readonly to: number;
}

export interface JaegerPushdown {
  readonly service?: string;
  readonly operation?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly durationMinNs?: number;
  readonly durationMaxNs?: number;
  readonly conditions: readonly PushedCondition[];
  /** Conjuncts of the chosen candidate that Jaeger cannot take, with why. */
  readonly notPushed: ReadonlyArray<{ readonly source: string; readonly reason: string }>;
}

const SPECIAL_KEYS = new Set(['error', 'span.kind', 'span.status', 'scope.name', 'scope.version']);
type Classified = { ok: true; cond: Omit<PushedCondition, 'source' | 'from' | 'to'> } | { ok: false; reason: string };

function classify(e: FieldExpr): Classified {
  const c = comparison(e);
  if (!c) {
    return { ok: false, reason: 'not a comparison of a field with a literal' };
  }
  const { field, op, value } = c;
  if (field.type === 'Intrinsic') {
    if (field.name === 'span:name') {
      return op === '=' && value.value.kind === 'string'
        ? { ok: true, cond: { param: 'operation', value: value.value.value } }
        : { ok: false, reason: 'Jaeger matches operation names exactly only' };
    }
    // status and kind are not pushed: Jaeger versions differ in whether the `error` and `span.kind`
    // keys mean the status and the kind (2.13 compares a string "true" as a failed bool and knows no
    // span.kind key), so a pushed `status = error` could drop the very spans it asks for.
    if (field.name === 'span:duration' && value.value.kind === 'duration' && op in FLIP && op !== '=') {
      const ns = value.value.value;
      return op === '>' || op === '>='
        ? { ok: true, cond: { param: 'durationMin', value: ns } }
        : { ok: true, cond: { param: 'durationMax', value: ns } };
    }
    return { ok: false, reason: `Jaeger cannot filter on ${field.raw}` };
  }
  if (field.type !== 'Attribute') {
    return { ok: false, reason: 'not a plain attribute or intrinsic' };
  }
  if (field.parent) {
    return { ok: false, reason: 'Jaeger cannot look at parent spans' };
  }
  if (op !== '=') {
    return { ok: false, reason: 'Jaeger matches attributes by equality only' };
  }
  if (field.scope === 'resource' && field.name === 'service.name') {
    return value.value.kind === 'string'
      ? { ok: true, cond: { param: 'service', value: value.value.value } }
      : { ok: false, reason: 'service names are strings' };
  }
  if (field.scope !== 'span' && field.scope !== 'resource' && field.scope !== 'unscoped') {
    return { ok: false, reason: `Jaeger does not search ${field.scope} attributes reliably` };
  }
  if (field.name === 'service.name') {
    return { ok: false, reason: 'an unscoped service.name may be a span attribute, which Jaeger cannot search' };
  }
  if (SPECIAL_KEYS.has(field.name) || field.name.startsWith('resource.')) {
    return { ok: false, reason: `Jaeger gives the key "${field.name}" a special meaning` };
  }
  const s = scalarString(value);
  if (s === null) {
    return {
      ok: false,
      reason: 'Jaeger compares attribute values as text; only strings, ints and booleans match exactly',
    };
  }
  return { ok: true, cond: { param: 'attribute', key: field.name, value: s } };
}

/** Jaeger parameters for one candidate: every pushable conjunct, the rest reported. */
export function pushdownFor(candidate: Candidate): JaegerPushdown {
  const conditions: PushedCondition[] = [];
  const notPushed: Array<{ source: string; reason: string }> = [];
  const attributes: Record<string, string> = {};
  let service: string | undefined;
  let operation: string | undefined;
  let min: number | undefined;
  let max: number | undefined;
  for (const conj of candidate) {
    const r = classify(conj.expr);
    if (!r.ok) {
      notPushed.push({ source: conj.key, reason: r.reason });
      continue;
    }
    const { cond } = r;
    // The first of two conflicting equalities is enough: the span must satisfy both anyway.
    if (cond.param === 'service' && service === undefined) {
      service = String(cond.value);
    } else if (cond.param === 'operation' && operation === undefined) {
      operation = String(cond.value);
    } else if (cond.param === 'attribute' && cond.key !== undefined && !(cond.key in attributes)) {
      attributes[cond.key] = String(cond.value);
    } else if (cond.param === 'durationMin') {
      min = Math.max(min ?? 0, Number(cond.value));
    } else if (cond.param === 'durationMax') {
      max = Math.min(max ?? Number.MAX_SAFE_INTEGER, Number(cond.value));
    } else {
      notPushed.push({ source: conj.key, reason: 'another condition on the same parameter was pushed' });
      continue;
    }
    conditions.push({ ...cond, ...sourceOf(conj) });
  }
  return { service, operation, attributes, durationMinNs: min, durationMaxNs: max, conditions, notPushed };
}

function sourceOf(c: Conjunct): { source: string; from: number; to: number } {
  return { source: c.key, from: c.expr.from, to: c.expr.to };
}

/** Prefers a service (no fan-out), then an operation, then the most conditions. */
export function pushdownScore(p: JaegerPushdown): number {
  return (
    (p.service !== undefined ? 1000 : 0) +
    (p.operation !== undefined ? 100 : 0) +
    Object.keys(p.attributes).length * 10 +
    (p.durationMinNs !== undefined ? 5 : 0) +
    (p.durationMaxNs !== undefined ? 5 : 0)
  );
}

export function choosePushdown(candidates: readonly Candidate[]): JaegerPushdown {
  let best: JaegerPushdown | undefined;
  for (const c of candidates) {
    const p = pushdownFor(c);
    if (best === undefined || pushdownScore(p) > pushdownScore(best)) {
      best = p;
    }
  }
  return best ?? pushdownFor([]);
}
