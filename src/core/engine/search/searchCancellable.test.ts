import { generateTraces } from '../../model/testing/syntheticTraces';
import { parseTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { searchTraces, searchTracesCancellable } from './searchTraces';

function parsed(q: string): RootNode {
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new Error(r.error.message);
  }
  return r.value;
}

const traces = generateTraces({ seed: 15, traces: 200 });
const query = parsed('{ resource.service.name =~ "service-.*" && span.http.route =~ "/.*s.*" }');

describe('searchTracesCancellable', () => {
  it('answers exactly what searchTraces answers', async () => {
    const sync = searchTraces(query, traces, { limit: 50 });
    expect(sync.ok && sync.response.traces.length).toBeGreaterThan(5);
    expect(await searchTracesCancellable(query, traces, { limit: 50, yieldEverySpans: 100 })).toEqual(sync);
  });

  it('stops with cancelled when the signal aborts during the evaluation', async () => {
    const controller = new AbortController();
    let evaluatedBeforeAbort = 0;
    const counted = (function* () {
      for (const t of traces) {
        evaluatedBeforeAbort += controller.signal.aborted ? 0 : 1;
        yield t;
      }
    })();
    // Queued before the evaluation starts: it can only run when the evaluation yields.
    setTimeout(() => controller.abort(), 0);
    const r = await searchTracesCancellable(query, counted, { signal: controller.signal, yieldEverySpans: 50 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    // It stopped at the first yield, long before the end.
    expect(evaluatedBeforeAbort).toBeLessThan(traces.length / 4);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await searchTracesCancellable(query, traces, { signal: controller.signal })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });
  });
});
