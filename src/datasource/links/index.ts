export {
  buildLogsQuery,
  logsQueryBuilder,
  logsQueryCheck,
  interpolateCustomQuery,
  DEFAULT_LOGS_TAGS,
} from './traceToLogs';
export { LOGS_DATASOURCE_TYPES, languageFor, logsQueryModel } from './languages';
export { parseTimeShift } from './timeShift';
export type { LogsDatasourceRef, LogsLinkContext, LogsQueryResult, LogsQueryText } from './types';
