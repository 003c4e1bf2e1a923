import { toJaegerStrategy } from './sampling';

describe('toJaegerStrategy', () => {
  it('maps a per-operation probabilistic strategy to the JSON shape the analysis reads', () => {
    expect(
      toJaegerStrategy({
        service: 'api',
        strategyType: 'PROBABILISTIC',
        samplingRate: 0.5,
        operations: [{ operation: 'GET /health', samplingRate: 0.01 }],
      })
    ).toEqual({
      strategyType: 'PROBABILISTIC',
      probabilisticSampling: { samplingRate: 0.5 },
      rateLimitingSampling: undefined,
      operationSampling: {
        defaultSamplingProbability: 0.5,
        perOperationStrategies: [{ operation: 'GET /health', probabilisticSampling: { samplingRate: 0.01 } }],
      },
    });
  });

  it('maps a rate-limiting strategy', () => {
    expect(
      toJaegerStrategy({ service: 'api', strategyType: 'RATE_LIMITING', maxTracesPerSecond: 2, operations: [] })
    ).toMatchObject({
      strategyType: 'RATE_LIMITING',
      rateLimitingSampling: { maxTracesPerSecond: 2 },
      operationSampling: undefined,
    });
  });
});
