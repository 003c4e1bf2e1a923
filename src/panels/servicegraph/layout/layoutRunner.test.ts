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

/** A worker stand-in that answers asynchronously, or fails like a worker whose chunk 404s. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<LayoutResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage(req: LayoutRequest) {
    setTimeout(() => {
      if (this.fail) {
        this.onerror?.({ preventDefault() {} } as ErrorEvent);
      } else {
        this.onmessage?.({
          data: { id: req.id, layout: layeredLayout(req.input, req.options) },
        } as MessageEvent<LayoutResponse>);
      }
    }, 0);
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

  it('uses the worker when there is one', async () => {
    const w = new FakeWorker();
    const runner = createLayoutRunner(() => w as unknown as Worker);
    expect(runner.inWorker).toBe(true);
    expect((await runner.run(input, {})).nodes).toHaveLength(2);
    runner.dispose();
    expect(w.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker fails', async () => {
    const runner = createLayoutRunner(() => new FakeWorker(true) as unknown as Worker);
    const layout = await runner.run(input, {});
    expect(layout.nodes).toHaveLength(2);
    expect(runner.inWorker).toBe(false);
  });

  it('rejects an older request once a newer one is sent', async () => {
    const runner = createLayoutRunner(() => new FakeWorker() as unknown as Worker);
    const first = runner.run(input, {});
    const second = runner.run(input, {});
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    await expect(second).resolves.toBeDefined();
  });
});
