import { quoteTraceQLString } from '../../templating/quote';
import type { AttributeFilter, BuilderModel } from './model';

function literal(f: AttributeFilter): string {
  return f.type === 'string' ? quoteTraceQLString(f.value) : f.value.trim();
}

function filterCondition(f: AttributeFilter): string {
  switch (f.op) {
    case 'exists':
      return `${f.key} != nil`;
    case 'missing':
      return `${f.key} = nil`;
    default:
      return `${f.key} ${f.op} ${literal(f)}`;
  }
}

/** One spanset filter: every condition applies to the same span, as in the builder's form. */
export function toTraceQL(m: BuilderModel): string {
  const conditions: string[] = [];
  if (m.service !== '') {
    conditions.push(`resource.service.name = ${quoteTraceQLString(m.service)}`);
  }
  if (m.spanName !== '') {
    conditions.push(`name = ${quoteTraceQLString(m.spanName)}`);
  }
  if (m.status !== '') {
    conditions.push(`status = ${m.status}`);
  }
  if (m.minDuration.trim() !== '') {
    conditions.push(`duration ${m.minDurationOp} ${m.minDuration.trim()}`);
  }
  if (m.maxDuration.trim() !== '') {
    conditions.push(`duration ${m.maxDurationOp} ${m.maxDuration.trim()}`);
  }
  for (const f of m.filters) {
    if (f.key.trim() !== '') {
      conditions.push(filterCondition({ ...f, key: f.key.trim() }));
    }
  }
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}
