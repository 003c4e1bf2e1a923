/**
 * What every analysis command (graph, latency, sampling) says about reading its window: the trace
 * budget flag, and the completeness fields at the top of its JSON, so a script can check
 * `.complete` before trusting a count.
 */
import type { WindowRunOptions } from '../core/analysis/runners';
import type { Notice } from '../core/query';
import { completeOver, completenessJson, completenessText, DEFAULT_MAX_TRACES, type Completeness } from '../core/scan';
import type { ParsedArgs } from './args';
import { intOption, type TimeWindow } from './source';

export const SCAN_FLAGS = [{ name: 'max-traces', type: 'value' as const }];

export const SCAN_HELP = `  --max-traces N      read at most N traces of the window (default ${DEFAULT_MAX_TRACES.toLocaleString('en-US')}); when the
                      window holds more, "complete" is false and counts are lower bounds`;

export function scanOptions(args: ParsedArgs): WindowRunOptions {
  return { maxTraces: intOption(args, 'max-traces', 100_000_000) ?? DEFAULT_MAX_TRACES };
}

/** The completeness of a run over trace files: every trace given was read. */
export function filesCompleteness(window: TimeWindow, traces: number): Completeness {
  return completeOver(window, traces);
}

/** Top-level JSON fields: `complete`, `tracesScanned`, `tracesAtLeast`, `why`, `covered`, ... */
export function completenessFields(c: Completeness) {
  const { window, ...rest } = completenessJson(c);
  return { ...rest, windowStart: window.start, windowEnd: window.end };
}

/** The stderr line: what was read, and if the numbers are lower bounds, why. */
export function completenessLine(command: string, c: Completeness): string {
  return `tracelens ${command}: ${c.complete ? 'info' : 'warning'}: ${completenessText(c)}\n`;
}

/**
 * The notices to print on stderr. A table already opens with the completeness sentence, so at a
 * terminal the same sentence on stderr would print it twice; JSON keeps it on stderr, where a
 * person reading a pipe's output still sees it.
 */
export function noticeLines(
  command: string,
  notices: readonly Notice[],
  c: Completeness | undefined,
  output: string
): string[] {
  const inTable = output === 'table' && c !== undefined ? completenessText(c) : undefined;
  return notices.filter((n) => n.text !== inTable).map((n) => `tracelens ${command}: ${n.severity}: ${n.text}\n`);
}
