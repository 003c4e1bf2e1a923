import { createLayoutWorker, workerBootstrap } from './createLayoutWorker';

describe('createLayoutWorker', () => {
  const scope = globalThis as unknown as { Worker?: unknown };
  const original = { Worker: scope.Worker, createObjectURL: URL.createObjectURL };

  afterEach(() => {
    scope.Worker = original.Worker;
    URL.createObjectURL = original.createObjectURL;
  });

  it('gives no worker where Worker does not exist, so the panel lays out on the main thread', () => {
    scope.Worker = undefined;
    expect(createLayoutWorker()).toBeUndefined();
  });

  it('starts a Blob worker that loads the chunk, and puts the real Worker back', () => {
    const started: string[] = [];
    class FakeWorker {
      constructor(url: string) {
        started.push(String(url));
      }
    }
    scope.Worker = FakeWorker;
    URL.createObjectURL = () => 'blob:test/1';
    const w = createLayoutWorker();
    expect(w).toBeInstanceOf(FakeWorker);
    expect(started).toEqual(['blob:test/1']);
    expect(scope.Worker).toBe(FakeWorker);
  });

  it('bootstraps an AMD-wrapped chunk: define runs the factory, then importScripts loads the chunk', () => {
    const script = workerBootstrap('https://cdn.example/public/plugins/tracelens-app/47.js');
    expect(script).toContain('importScripts("https://cdn.example/public/plugins/tracelens-app/47.js");');
    // Run the bootstrap against a fake worker scope to see the chunk's factory execute.
    const ran: string[] = [];
    const self: { define?: (a: unknown, b?: unknown) => unknown } = {};
    const importScripts = () => self.define!(() => ran.push('factory'));
    new Function('self', 'importScripts', script)(self, importScripts);
    expect(ran).toEqual(['factory']);
  });
});
