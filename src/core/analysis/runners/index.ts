export { latencySamplesFromTraces, runLatency } from './latency';
export type { LatencyRun, LatencyRunOptions } from './latency';
export { runSampling, toJaegerStrategy } from './sampling';
export type { SamplingRun, SamplingRunOptions } from './sampling';
export { runServiceGraph } from './graph';
export type { GraphRun, GraphRunOptions } from './graph';
export { completenessNotice, scanMatching } from './scanMatching';
export type { RunProgress, ScanRun, WindowRunOptions } from './scanMatching';
