import { DataSourceStore, StoredDataSource } from './dataSourceStore';
import { BuiltPlugin } from './pluginRegistry';

// What the core data sources Grafana ships can do, for pickers that filter on it (logs, tracing).
const CORE_CAPABILITIES: Record<string, Record<string, boolean>> = {
  loki: { logs: true, metrics: true },
  tempo: { tracing: true },
  prometheus: { metrics: true },
  elasticsearch: { logs: true, metrics: true },
};

// Grafana serves every plugin's logos as absolute URLs; pickers read meta.info.logos.small.
const GENERIC_LOGO = 'public/build/img/icons/unicons/database.svg';

function pluginMeta(plugin: BuiltPlugin): Record<string, unknown> {
  const info = (plugin.json.info ?? {}) as Record<string, unknown>;
  const logos = (info.logos ?? {}) as Record<string, string | undefined>;
  const absolute = (logo: string | undefined) => (logo ? `${plugin.baseUrl}/${logo}` : GENERIC_LOGO);
  return {
    ...plugin.json,
    module: plugin.module,
    baseUrl: plugin.baseUrl,
    info: { ...info, logos: { small: absolute(logos.small), large: absolute(logos.large) } },
  };
}

function coreMeta(type: string): Record<string, unknown> {
  return {
    id: type,
    type: 'datasource',
    name: type.charAt(0).toUpperCase() + type.slice(1),
    module: `core:plugin/${type}`,
    baseUrl: '',
    ...CORE_CAPABILITIES[type],
    info: {
      author: { name: 'Grafana Labs' },
      description: 'Core Grafana data source (not loadable in the sandbox)',
      links: [],
      logos: { small: GENERIC_LOGO, large: GENERIC_LOGO },
      screenshots: [],
      updated: '',
      version: '',
    },
  };
}

/** Data source instance settings as Grafana puts them in `grafanaBootData.settings.datasources`. */
export function instanceSettingsFor(ds: StoredDataSource, plugins: BuiltPlugin[]): Record<string, unknown> {
  const plugin = plugins.find((candidate) => candidate.id === ds.type);
  // Core data sources (Loki, Tempo, Prometheus) are not loadable here; they still appear in pickers.
  const meta = plugin ? pluginMeta(plugin) : coreMeta(ds.type);
  return {
    id: ds.id,
    uid: ds.uid,
    type: ds.type,
    name: ds.name,
    meta,
    // Grafana hands plugins the proxy path, never the upstream URL: every request goes through the proxy.
    url: ds.access === 'proxy' ? `/api/datasources/proxy/uid/${ds.uid}` : ds.url,
    jsonData: ds.jsonData,
    access: ds.access,
    isDefault: ds.isDefault,
    readOnly: false,
    basicAuth: ds.basicAuth ? 'set' : undefined,
  };
}

export type ThemeId = 'dark' | 'light';

/** The subset of Grafana's boot data that @grafana/runtime's `config` reads at import time. */
export function buildBootData(store: DataSourceStore, plugins: BuiltPlugin[], theme: ThemeId): Record<string, unknown> {
  const datasources = Object.fromEntries(store.list().map((ds) => [ds.name, instanceSettingsFor(ds, plugins)]));
  const panels = Object.fromEntries(
    plugins
      .filter((plugin) => plugin.type === 'panel')
      .map((plugin) => [plugin.id, { ...pluginMeta(plugin), sort: 100 }])
  );
  const apps = Object.fromEntries(
    plugins
      .filter((plugin) => plugin.type === 'app')
      .map((plugin) => [plugin.id, { id: plugin.id, path: plugin.module, version: '', preload: false }])
  );
  const defaultDs = store.list().find((ds) => ds.isDefault);
  return {
    settings: {
      datasources,
      panels,
      apps,
      defaultDatasource: defaultDs?.name ?? '',
      appUrl: '/',
      appSubUrl: '',
      buildInfo: { version: '12.4.6', commit: 'sandbox', env: 'development', edition: 'Open Source' },
      featureToggles: {},
      exploreEnabled: true,
      bootData: undefined,
    },
    user: {
      id: 1,
      uid: 'admin',
      login: 'admin',
      name: 'admin',
      email: 'admin@localhost',
      isSignedIn: true,
      isGrafanaAdmin: true,
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      theme,
      timezone: 'utc',
      weekStart: 'monday',
      locale: 'en-US',
      language: 'en-US',
      permissions: {},
    },
    navTree: [],
    assets: {},
  };
}
