import type { DataSourceSettings } from '@grafana/data';

import type { BackendKind, TraceLensOptions, TraceLensSecureOptions, TraceToLogsOptionsV2 } from '../types';

/**
 * Option logic for the config editor, kept out of the views: every function takes the current
 * settings and returns new ones, never mutating, so the views only wire inputs to these.
 */
export type Settings = DataSourceSettings<TraceLensOptions, TraceLensSecureOptions>;

type JsonRecord = Record<string, unknown>;
type SecureRecord = Record<string, string | undefined>;

export function setJsonData<K extends keyof TraceLensOptions>(
  options: Settings,
  key: K,
  value: TraceLensOptions[K]
): Settings {
  const jsonData = { ...options.jsonData };
  if (value === undefined) {
    delete jsonData[key];
  } else {
    jsonData[key] = value;
  }
  return { ...options, jsonData };
}

export function setBackend(options: Settings, backend: BackendKind): Settings {
  return setJsonData(options, 'backend', backend);
}

/** '' means "use the default"; anything else must be a whole number of at least `min`. */
export function parseLimit(
  text: string,
  min = 1
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') {
    return { ok: true, value: undefined };
  }
  if (!/^\d+$/.test(t) || Number(t) < min) {
    return { ok: false, message: `Enter a whole number of at least ${min}` };
  }
  return { ok: true, value: Number(t) };
}

const AUTH_HEADER = 'authorization';

/** The custom-header slot that holds Authorization, if any (Grafana numbers them from 1). */
export function authorizationHeaderIndex(jsonData: TraceLensOptions): number | undefined {
  const json = jsonData as JsonRecord;
  for (const key of Object.keys(json)) {
    const m = /^httpHeaderName(\d+)$/.exec(key);
    if (m && typeof json[key] === 'string' && (json[key] as string).trim().toLowerCase() === AUTH_HEADER) {
      return Number(m[1]);
    }
  }
  return undefined;
}

function nextHeaderIndex(jsonData: TraceLensOptions): number {
  const used = Object.keys(jsonData)
    .map((k) => /^httpHeaderName(\d+)$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  return used.length === 0 ? 1 : Math.max(...used) + 1;
}

/**
 * A bearer token is sent as a Grafana custom header (`Authorization: Bearer …`), which the data
 * proxy adds server-side from secureJsonData: no plugin route needed, and the token never reaches
 * the browser after saving.
 */
export function setBearerToken(options: Settings, token: string): Settings {
  const index = authorizationHeaderIndex(options.jsonData) ?? nextHeaderIndex(options.jsonData);
  const jsonData = { ...options.jsonData, authType: 'bearer' as const, [`httpHeaderName${index}`]: 'Authorization' };
  const secureJsonData: SecureRecord = {
    ...(options.secureJsonData as SecureRecord),
    [`httpHeaderValue${index}`]: `Bearer ${token}`,
  };
  return { ...options, jsonData, secureJsonData };
}

export function isBearerTokenSet(options: Settings): boolean {
  const index = authorizationHeaderIndex(options.jsonData);
  return index !== undefined && options.secureJsonFields?.[`httpHeaderValue${index}`] === true;
}

/** Forget the stored token: Grafana deletes a secure field that is reset to '' and marked unset. */
export function resetBearerToken(options: Settings): Settings {
  const index = authorizationHeaderIndex(options.jsonData);
  if (index === undefined) {
    return options;
  }
  const key = `httpHeaderValue${index}`;
  return {
    ...options,
    secureJsonData: { ...(options.secureJsonData as SecureRecord), [key]: '' },
    secureJsonFields: { ...options.secureJsonFields, [key]: false },
  };
}

export type AuthType = NonNullable<TraceLensOptions['authType']>;

export function setAuthType(options: Settings, authType: AuthType): Settings {
  let next: Settings = { ...options, basicAuth: authType === 'basic', jsonData: { ...options.jsonData, authType } };
  if (authType !== 'bearer') {
    const index = authorizationHeaderIndex(next.jsonData);
    if (index !== undefined) {
      next = resetBearerToken(next);
      const jsonData = { ...next.jsonData } as JsonRecord;
      delete jsonData[`httpHeaderName${index}`];
      next = { ...next, jsonData: jsonData as TraceLensOptions };
    }
  }
  return next;
}

/** Grafana's HTTP settings can turn basic auth on by themselves, so `basicAuth` wins. */
export function authTypeOf(options: Settings): AuthType {
  if (options.basicAuth) {
    return 'basic';
  }
  return options.jsonData.authType === 'bearer' ? 'bearer' : 'none';
}

export function updateTraceToLogs(options: Settings, patch: Partial<TraceToLogsOptionsV2>): Settings {
  const current = options.jsonData.tracesToLogsV2 ?? {};
  return setJsonData(options, 'tracesToLogsV2', { ...current, ...patch });
}

export type TagMapping = { key: string; value?: string };

export function addTagMapping(tags: readonly TagMapping[] | undefined): TagMapping[] {
  return [...(tags ?? []), { key: '', value: '' }];
}

export function changeTagMapping(tags: readonly TagMapping[], index: number, patch: Partial<TagMapping>): TagMapping[] {
  return tags.map((t, i) => (i === index ? { ...t, ...patch } : t));
}

export function removeTagMapping(tags: readonly TagMapping[], index: number): TagMapping[] {
  return tags.filter((_t, i) => i !== index);
}

/**
 * One timeout, in Grafana's own `timeout` field (its data proxy obeys it too). Earlier versions kept
 * it in `timeoutSeconds`: moved here, a value already in `timeout` winning. A cleared field reaches
 * the settings as NaN (plugin-ui parses the input as it changes): removed, so "empty" means the
 * default and no NaN is saved. Returns the same object when there is nothing to change, so the
 * editor can skip the update.
 */
export function normalizeTimeout(options: Settings): Settings {
  const { timeoutSeconds, ...rest } = options.jsonData;
  const cleared = rest.timeout !== undefined && !Number.isFinite(rest.timeout);
  if (timeoutSeconds === undefined && !cleared) {
    return options;
  }
  const jsonData: TraceLensOptions = { ...rest };
  delete jsonData.timeout;
  const timeout = cleared ? undefined : (rest.timeout ?? timeoutSeconds);
  return { ...options, jsonData: timeout === undefined ? jsonData : { ...jsonData, timeout } };
}
