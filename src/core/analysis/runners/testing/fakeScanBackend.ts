/**
 * A backend for analysis-runner tests: Backend.scan over traces held in memory, answering slice
 * searches the way Jaeger's search does (every trace with a span starting in the slice, cut to the
 * limit). Everything else a runner may ask (features, strategies) is given by the test.
 */
import type { Backend, SamplingStrategy, WindowScan } from '../../../backends';
import type { Trace } from '../../../model/types';
import { parseQuery } from '../../../query/common';
import { FakeSliceBackend } from '../../../scan/testing/fakeSliceBackend';

export interface FakeScanBackendOptions {
  readonly strategies?: (service: string) => Promise<SamplingStrategy>;
  readonly seed?: number;
  /** Throws for the Nth slice request (1-based). */
  readonly failCall?: number;
  readonly bytesPerTrace?: number;
}

export type FakeScanBackend = Pick<Backend, 'scan' | 'features' | 'label' | 'samplingStrategy'> & {
  readonly slices: FakeSliceBackend;
};

export function fakeScanBackend(traces: readonly Trace[], opts: FakeScanBackendOptions = {}): FakeScanBackend {
  const slices = new FakeSliceBackend(traces, {
    seed: opts.seed ?? 1,
    bytesPerTrace: opts.bytesPerTrace,
    failWhen: opts.failCall !== undefined ? (_s, call) => call === opts.failCall : undefined,
  });
  return {
    slices,
    label: 'Fake',
    features: {
      dependencies: false,
      samplingStrategies: opts.strategies !== undefined,
      serviceGraphMetrics: false,
      traceqlMetrics: false,
    },
    scan: async (queryText, window): Promise<WindowScan> => {
      const root = parseQuery(queryText);
      return {
        root,
        plan: { backend: 'fake', queryKind: 'search', residual: root, window },
        notices: [],
        searches: [
          {
            label: '',
            resolutionNs: 1n,
            search: async ({ start, end, limit, signal }) => {
              const r = await slices.search({ start, end }, limit, signal ?? new AbortController().signal);
              return { ...r, requests: 1, notices: [] };
            },
          },
        ],
        bytes: 0,
        requests: 0,
      };
    },
    samplingStrategy: (service) =>
      opts.strategies ? opts.strategies(service) : Promise.reject(new Error('no strategies')),
  };
}
