import type { Settings } from './options';

/** Data source settings as Grafana hands them to a config editor, for tests. Test-only. */
export function testSettings(over: Partial<Settings> = {}): Settings {
  return {
    id: 1,
    uid: 'u',
    orgId: 1,
    name: 'TraceLens',
    type: 'tracelens-traceql-datasource',
    typeName: 'TraceLens',
    typeLogoUrl: '',
    access: 'proxy',
    url: 'http://jaeger:16686',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    jsonData: {},
    secureJsonFields: {},
    readOnly: false,
    withCredentials: false,
    ...over,
  } as Settings;
}
