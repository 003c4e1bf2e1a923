export { latencySamplesFromTraces, runLatency } from './latency';
export type { LatencyRun } from './latency';
export { runSampling, toJaegerStrategy } from './sampling';
export type { SamplingRun } from './sampling';
