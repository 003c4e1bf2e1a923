/**
 * One fetch of every trace in Jaeger, shared by a test file, plus the expected answer of a query case.
 * Traces an answer names that the snapshot lacks (traffic that arrived later) are fetched on demand,
 * so expected answers always come from the same raw traces the compared answer could have seen.
 */
import { answerOf, type Answer } from './groundTruth';
import type { QueryCase } from './queryCases';
import { fetchAllTraces, fetchTrace, type RawTrace } from './rawTraces';

export class TraceSnapshot {
  private constructor(
    readonly queryUrl: string,
    readonly traces: Map<string, RawTrace>
  ) {}

  static async take(queryUrl: string, sinceMs: number): Promise<TraceSnapshot> {
    return new TraceSnapshot(queryUrl, await fetchAllTraces(queryUrl, sinceMs, Date.now() + 60_000));
  }

  async include(traceIds: Iterable<string>): Promise<void> {
    for (const id of traceIds) {
      if (!this.traces.has(id)) {
        this.traces.set(id, await fetchTrace(this.queryUrl, id));
      }
    }
  }

  expected(c: QueryCase): Answer {
    return answerOf(this.traces.values(), c.expect);
  }
}
