import { traceqlDuration } from './formatDuration';
import type { LatencySample, SampleValue } from './samples';

/** A region of the heatmap: start time in [fromMs, toMs), duration in (minNs, maxNs]. */
export interface LatencySelection {
  readonly fromMs: number;
  readonly toMs: number;
  readonly minNs: number;
  readonly maxNs: number;
}

export interface RankedAttribute {
  /** TraceQL reference: `span.http.route`, `resource.service.name`, `name`, `status`, `kind`. */
  readonly key: string;
  readonly value: SampleValue;
  readonly selectedCount: number;
  readonly baselineCount: number;
  /** Share of selected samples with this value, 0..1. */
  readonly selectedShare: number;
  /** Share of the other samples in the window with this value, 0..1. */
  readonly baselineShare: number;
  /** selectedShare − baselineShare: how much more common the value is among the selection. */
  readonly difference: number;
  /** TraceQL that finds spans with this value inside the selected duration range. */
  readonly traceql: string;
}

export interface LatencyComparison {
  readonly selected: number;
  readonly baseline: number;
  readonly attributes: readonly RankedAttribute[];
}

export interface CompareOptions {
  readonly maxResults?: number;
  /** Keys whose distinct values exceed this share of samples are identifiers, not explanations. */
  readonly maxCardinalityShare?: number;
}

export function inSelection(s: LatencySample, sel: LatencySelection): boolean {
  return s.startMs >= sel.fromMs && s.startMs < sel.toMs && s.durationNs > sel.minNs && s.durationNs <= sel.maxNs;
}

function quote(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** TraceQL literal for a value of a given key: status and kind are keywords, strings are quoted. */
export function traceqlCondition(key: string, value: SampleValue): string {
  if ((key === 'status' || key === 'kind') && typeof value === 'string') {
    return `${key} = ${value}`;
  }
  const literal = typeof value === 'string' ? quote(value) : String(value);
  // Attribute names with characters outside TraceQL's unquoted set need the quoted form.
  const ref = /^(span|resource)\.(.+)$/.exec(key);
  const safeRef = ref && /[\s{}()=~!<>&|^,"]/.test(ref[2]) ? `${ref[1]}.${quote(ref[2])}` : key;
  return `${safeRef} = ${literal}`;
}

export function selectionTraceQL(sel: LatencySelection, key?: string, value?: SampleValue): string {
  const conditions: string[] = [];
  if (key !== undefined && value !== undefined) {
    conditions.push(traceqlCondition(key, value));
  }
  if (sel.minNs > 0) {
    conditions.push(`duration > ${traceqlDuration(sel.minNs)}`);
  }
  if (Number.isFinite(sel.maxNs)) {
    conditions.push(`duration <= ${traceqlDuration(sel.maxNs)}`);
  }
  return conditions.length ? `{ ${conditions.join(' && ')} }` : '{}';
}

/**
 * What makes the selected requests different: for every attribute value, its share among the
 * selected samples versus among the rest of the window, ranked by the difference. Like Honeycomb's
 * BubbleUp; values that are common everywhere, and identifier-like keys, rank low or are skipped.
 */
export function compareSelection(
  samples: readonly LatencySample[],
  sel: LatencySelection,
  options: CompareOptions = {}
): LatencyComparison {
  const maxResults = options.maxResults ?? 15;
  const maxCardinalityShare = options.maxCardinalityShare ?? 0.5;
  const selectedCounts = new Map<string, Map<SampleValue, number>>();
  const baselineCounts = new Map<string, Map<SampleValue, number>>();
  let selected = 0;
  let baseline = 0;

  for (const s of samples) {
    const isSelected = inSelection(s, sel);
    const target = isSelected ? selectedCounts : baselineCounts;
    if (isSelected) {
      selected++;
    } else {
      baseline++;
    }
    for (const key of Object.keys(s.attributes)) {
      let values = target.get(key);
      if (!values) {
        values = new Map();
        target.set(key, values);
      }
      const v = s.attributes[key];
      values.set(v, (values.get(v) ?? 0) + 1);
    }
  }

  const total = selected + baseline;
  const ranked: RankedAttribute[] = [];
  if (selected === 0) {
    return { selected, baseline, attributes: ranked };
  }
  for (const [key, values] of selectedCounts) {
    const base = baselineCounts.get(key);
    const distinct = new Set([...values.keys(), ...(base?.keys() ?? [])]).size;
    if (total >= 20 && distinct > maxCardinalityShare * total) {
      continue;
    }
    for (const [value, selectedCount] of values) {
      const baselineCount = base?.get(value) ?? 0;
      const selectedShare = selectedCount / selected;
      const baselineShare = baseline > 0 ? baselineCount / baseline : 0;
      const difference = selectedShare - baselineShare;
      if (difference <= 0) {
        continue;
      }
      ranked.push({
        key,
        value,
        selectedCount,
        baselineCount,
        selectedShare,
        baselineShare,
        difference,
        traceql: selectionTraceQL(sel, key, value),
      });
    }
  }
  ranked.sort((a, b) => b.difference - a.difference || b.selectedCount - a.selectedCount || a.key.localeCompare(b.key));
  return { selected, baseline, attributes: ranked.slice(0, maxResults) };
}
