import {
  addTagMapping,
  authTypeOf,
  changeTagMapping,
  isBearerTokenSet,
  parseLimit,
  removeTagMapping,
  resetBearerToken,
  setAuthType,
  setBackend,
  setBearerToken,
  setJsonData,
  normalizeTimeout,
  updateTraceToLogs,
  type Settings,
} from './options';
import { testSettings } from './testSettings';

const settings = testSettings;

describe('config options', () => {
  it('sets and clears jsonData keys without touching the input', () => {
    const before = settings({ jsonData: { timeoutSeconds: 10 } });
    const after = setJsonData(before, 'timeoutSeconds', undefined);
    expect(after.jsonData).toEqual({});
    expect(before.jsonData).toEqual({ timeoutSeconds: 10 });
    expect(setBackend(before, 'tempo').jsonData).toEqual({ timeoutSeconds: 10, backend: 'tempo' });
  });

  it('parses limits, treating empty as the default', () => {
    expect(parseLimit('')).toEqual({ ok: true, value: undefined });
    expect(parseLimit(' 200 ')).toEqual({ ok: true, value: 200 });
    expect(parseLimit('0')).toMatchObject({ ok: false });
    expect(parseLimit('1.5')).toMatchObject({ ok: false });
  });

  it('stores a bearer token as an Authorization custom header in secureJsonData', () => {
    const s = setBearerToken(settings({ jsonData: { httpHeaderName1: 'X-Org' } as Settings['jsonData'] }), 'tok');
    expect(s.jsonData).toMatchObject({
      authType: 'bearer',
      httpHeaderName1: 'X-Org',
      httpHeaderName2: 'Authorization',
    });
    expect(s.secureJsonData).toEqual({ httpHeaderValue2: 'Bearer tok' });
    expect(JSON.stringify(s.jsonData)).not.toContain('tok');
  });

  it('reuses an existing Authorization header slot', () => {
    const s = setBearerToken(
      settings({ jsonData: { httpHeaderName3: 'authorization' } as Settings['jsonData'] }),
      't2'
    );
    expect(s.secureJsonData).toEqual({ httpHeaderValue3: 'Bearer t2' });
  });

  it('knows when a token is stored and can reset it', () => {
    const stored = settings({
      jsonData: { authType: 'bearer', httpHeaderName1: 'Authorization' } as Settings['jsonData'],
      secureJsonFields: { httpHeaderValue1: true },
    });
    expect(isBearerTokenSet(stored)).toBe(true);
    const reset = resetBearerToken(stored);
    expect(isBearerTokenSet(reset)).toBe(false);
    expect(reset.secureJsonData).toEqual({ httpHeaderValue1: '' });
  });

  it('switching auth type toggles basic auth and drops the bearer header', () => {
    const bearer = setBearerToken(settings(), 'tok');
    const basic = setAuthType(bearer, 'basic');
    expect(basic.basicAuth).toBe(true);
    expect(authTypeOf(basic)).toBe('basic');
    expect(basic.jsonData).not.toHaveProperty('httpHeaderName1');
    expect(basic.secureJsonFields).toEqual({ httpHeaderValue1: false });
    expect(authTypeOf(settings({ basicAuth: true }))).toBe('basic');
  });

  it('merges trace-to-logs changes into tracesToLogsV2', () => {
    const s = updateTraceToLogs(updateTraceToLogs(settings(), { datasourceUid: 'loki' }), { filterByTraceID: true });
    expect(s.jsonData.tracesToLogsV2).toEqual({ datasourceUid: 'loki', filterByTraceID: true });
  });

  it('edits tag mappings by position', () => {
    const tags = addTagMapping([{ key: 'service.name', value: 'service_name' }]);
    expect(tags).toEqual([
      { key: 'service.name', value: 'service_name' },
      { key: '', value: '' },
    ]);
    expect(changeTagMapping(tags, 1, { key: 'k8s.pod.name' })[1]).toEqual({ key: 'k8s.pod.name', value: '' });
    expect(removeTagMapping(tags, 0)).toEqual([{ key: '', value: '' }]);
  });

  it('keeps one timeout: moves the old key, lets a set timeout win, drops a cleared one', () => {
    const old = settings({ jsonData: { backend: 'tempo', timeoutSeconds: 45 } });
    expect(normalizeTimeout(old).jsonData).toEqual({ backend: 'tempo', timeout: 45 });
    expect(normalizeTimeout(settings({ jsonData: { timeout: 10, timeoutSeconds: 45 } })).jsonData).toEqual({
      timeout: 10,
    });
    expect(normalizeTimeout(settings({ jsonData: { timeout: Number.NaN } })).jsonData).toEqual({});
    const current = settings({ jsonData: { timeout: 10 } });
    expect(normalizeTimeout(current)).toBe(current);
    expect(old.jsonData).toEqual({ backend: 'tempo', timeoutSeconds: 45 });
  });
});
