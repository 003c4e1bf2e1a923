export { buildSearchFrame, type SearchFrameContext } from './searchFrame';
export { buildTraceFrame } from './traceFrame';
export { buildMetricsFrames, type MetricsFrameContext } from './metricsFrames';
export { buildNodeGraphFrames, type NodeLogsLinks } from './nodeGraphFrames';
export { withNotices } from './notices';
export { traceViewLink, spanViewLink, type SelfRef } from './links';
export { LOGS_URL_FIELD, type LogsLinkSetup } from './logsLinks';
