import type { LayoutRequest, LayoutResponse } from './protocol';
import { createLayoutRunner, SupersededError } from './layoutRunner';
import { layeredLayout } from '../../../core/analysis/layout';

const input = {
  nodes: [
    { id: 'a', width: 20, height: 20 },
    { id: 'b', width: 20, height: 20 },
  ],
  edges: [{ id: 'a->b', source: 'a', target: 'b' }],
};

/**
 * A worker stand-in the test drives by hand: requests wait in `inbox` until the test answers one
 * (`reply`) or makes the worker fail like one whose chunk 404s (`crash`), so the order of events
 * is the test's, not a timer's.
 */
class FakeWorker {
  onmessage: ((ev: MessageEvent<LayoutResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly inbox: LayoutRequest[] = [];
  postMessage(req: LayoutRequest) {
    this.inbox.push(req);
  }
  /** Answers request `id` with its layout, or with `error` as a worker that caught one does. */
  reply(id: number, error?: string) {
    const req = this.inbox.find((r) => r.id === id);
    if (!req) {
      throw new Error(`no request ${id} was posted`);
    }
    const data: LayoutResponse =
      error === undefined ? { id, layout: layeredLayout(req.input, req.options) } : { id, error };
    this.onmessage?.({ data } as MessageEvent<LayoutResponse>);
  }
  crash() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('createLayoutRunner', () => {
  it('lays out on the main thread when no worker can start', async () => {
    const runner = createLayoutRunner(() => undefined);
    expect(runner.inWorker).toBe(false);
    const layout = await runner.run(input, {});
    expect(layout.nodes.map((n) => n.layer)).toEqual([0, 1]);
  });

  it('uses the worker when there is one, and resolves with its answer', async () => {
    const w = new FakeWorker();
    const runner = createLayoutRunner(() => w as unknown as Worker);
    expect(runner.inWorker).toBe(true);
    const running = runner.run(input, { rankSep: 7 });
    expect(w.inbox.map((r) => r.options)).toEqual([{ rankSep: 7 }]);
    w.reply(w.inbox[0].id);
    expect((await running).nodes).toHaveLength(2);
    runner.dispose();
    expect(w.terminated).toBe(true);
  });

  it('rejects with the error the worker reports', async () => {
    const w = new FakeWorker();
    const runner = createLayoutRunner(() => w as unknown as Worker);
    const running = runner.run(input, {});
    w.reply(w.inbox[0].id, 'cycle breaking failed');
    await expect(running).rejects.toThrow('cycle breaking failed');
  });

  it('falls back to the main thread when the worker fails, for the pending and later layouts', async () => {
    const w = new FakeWorker();
    const runner = createLayoutRunner(() => w as unknown as Worker);
    const pending = runner.run(input, {});
    w.crash();
    expect((await pending).nodes.map((n) => n.layer)).toEqual([0, 1]);
    expect(runner.inWorker).toBe(false);
    expect(w.terminated).toBe(true);
    await runner.run(input, {});
    expect(w.inbox).toHaveLength(1);
  });

  it('rejects an older request once a newer one is sent, even if the older answer comes last', async () => {
    const w = new FakeWorker();
    const runner = createLayoutRunner(() => w as unknown as Worker);
    const first = runner.run(input, {});
    const second = runner.run(input, {});
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    const [older, newer] = w.inbox.map((r) => r.id);
    w.reply(newer);
    w.reply(older); // a late answer to a superseded request is ignored
    await expect(second).resolves.toMatchObject({ nodes: expect.any(Array) });
  });
});
