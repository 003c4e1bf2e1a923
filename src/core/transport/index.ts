/**
 * What every transport shares, for the browser and Node alike: URL building, response limits,
 * credential handling and redaction. The Node transport itself (node:http) is imported from
 * './nodeTransport' directly, so the browser bundle never sees a Node built-in.
 */
export { encodeQuery, joinUrl, originOf } from './url';
export {
  ByteBudget,
  DEFAULT_MAX_RESPONSE_MB,
  MAX_RESPONSE_MB_CEILING,
  formatLimit,
  megabytes,
  responseTooLarge,
} from './limits';
export { Redactor, basicCredential, headerSecrets, isSensitiveHeader, redactHeaders, redactUserinfo } from './redact';
export { authHeaders, parseHeader, splitUserinfo } from './auth';
export type { AuthSettings, SplitUrl } from './auth';
