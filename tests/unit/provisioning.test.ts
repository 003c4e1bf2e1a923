/**
 * The Docker route must be consistent: every URL the provisioned data sources use points at a
 * service and port defined in docker-compose.yaml, every data-source reference resolves, and the
 * dashboard uses only panels and query types that exist.
 */
import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  volumes?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
}
interface ProvisionedDatasource {
  name: string;
  uid: string;
  type: string;
  access?: string;
  url?: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, unknown>;
}

const compose = yaml.load(read('docker-compose.yaml')) as Compose;
const datasourceFiles = fs.readdirSync(path.join(ROOT, 'provisioning/datasources')).filter((f) => /\.ya?ml$/.test(f));
const datasources: ProvisionedDatasource[] = datasourceFiles.flatMap(
  (f) => (yaml.load(read(`provisioning/datasources/${f}`)) as { datasources: ProvisionedDatasource[] }).datasources
);
const grafanaEnv = compose.services.grafana.environment ?? {};

/** Grafana expands $VAR and ${VAR} in provisioning files from its own environment. */
function expand(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (_m, a: string | undefined, b: string | undefined) => env[(a ?? b) as string] ?? ''
  );
}

function servicePorts(service: ComposeService): Set<string> {
  const ports = new Set<string>(service.expose ?? []);
  for (const p of service.ports ?? []) {
    ports.add(p.split(':').pop() as string);
  }
  return ports;
}

function pluginIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else if (e.name === 'plugin.json') {
        ids.add(JSON.parse(fs.readFileSync(full, 'utf8')).id);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return ids;
}

describe('docker-compose.yaml', () => {
  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.image) {
        expect(`${name}: ${service.image}`).toMatch(/:[0-9][\w.-]*$/);
      } else {
        expect(service.build).toBeDefined();
      }
    }
  });

  it('publishes ports on loopback only', () => {
    for (const service of Object.values(compose.services)) {
      for (const p of service.ports ?? []) {
        expect(p.startsWith('127.0.0.1:')).toBe(true);
      }
    }
  });

  it('mounts the built plugin and the provisioning folder into Grafana', () => {
    const volumes = compose.services.grafana.volumes ?? [];
    expect(volumes).toContain('./dist:/var/lib/grafana/plugins/tracelens-app:ro');
    expect(volumes).toContain('./provisioning:/etc/grafana/provisioning:ro');
    const unsigned = grafanaEnv.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',');
    for (const id of pluginIds()) {
      expect(unsigned).toContain(id);
    }
  });
});

describe('provisioned data sources', () => {
  it.each(datasources.map((d) => [d.name, d]))('%s points at a service and port in docker-compose', (_n, ds) => {
    const urls = [ds.url, ds.jsonData?.samplingUrl].filter((u): u is string => typeof u === 'string');
    expect(urls.length).toBeGreaterThan(0);
    for (const raw of urls) {
      const url = new URL(expand(raw, grafanaEnv));
      const service = compose.services[url.hostname];
      expect(service).toBeDefined();
      expect(servicePorts(service).has(url.port)).toBe(true);
    }
  });

  it('keeps secrets out of jsonData', () => {
    for (const ds of datasources) {
      const keys = Object.keys(ds.jsonData ?? {})
        .join(',')
        .toLowerCase();
      expect(keys).not.toMatch(/password|token|secret|apikey/);
    }
  });

  it('resolves every data-source reference (trace to logs, derived fields)', () => {
    const uids = new Set(datasources.map((d) => d.uid));
    for (const ds of datasources) {
      const logs = ds.jsonData?.tracesToLogsV2 as { datasourceUid?: string } | undefined;
      if (logs?.datasourceUid) {
        expect(uids.has(logs.datasourceUid)).toBe(true);
      }
      const derived = (ds.jsonData?.derivedFields as Array<{ datasourceUid?: string }> | undefined) ?? [];
      for (const f of derived) {
        expect(uids.has(f.datasourceUid as string)).toBe(true);
      }
    }
  });

  it('provides a TraceLens data source per backend (Jaeger, Tempo, Zipkin) and a Loki linking back', () => {
    const tl = datasources.filter((d) => d.type === 'tracelens-traceql-datasource');
    expect(tl.map((d) => d.jsonData?.backend).sort()).toEqual(['jaeger', 'tempo', 'zipkin']);
    const loki = datasources.find((d) => d.type === 'loki');
    const derived = (loki?.jsonData?.derivedFields as Array<{ datasourceUid: string; matcherRegex: string }>) ?? [];
    expect(derived.some((f) => tl.some((d) => d.uid === f.datasourceUid))).toBe(true);
    const match = new RegExp(derived[0].matcherRegex).exec(
      '{"level":"info","trace_id":"0af7651916cd43dd8448eb211c80319c"}'
    );
    expect(match?.[1]).toBe('0af7651916cd43dd8448eb211c80319c');
  });
});

describe('provisioned dashboard', () => {
  const dashboard = JSON.parse(read('provisioning/dashboards/tracelens-overview.json')) as {
    panels: Array<{ type: string; targets?: Array<{ queryType?: string }> }>;
  };
  const queryTypes = ['traceql', 'traceId', 'serviceGraph', 'latency', 'sampling', 'metrics'];

  it('uses all three TraceLens panels and only panel types that exist', () => {
    const ids = pluginIds();
    const types = dashboard.panels.map((p) => p.type);
    for (const t of ['tracelens-servicegraph-panel', 'tracelens-latencyheatmap-panel', 'tracelens-sampling-panel']) {
      expect(types).toContain(t);
    }
    for (const t of types) {
      expect(ids.has(t) || ['table', 'timeseries', 'traces', 'nodeGraph', 'heatmap'].includes(t)).toBe(true);
    }
  });

  it('asks only for query types the data source knows', () => {
    for (const p of dashboard.panels) {
      for (const t of p.targets ?? []) {
        expect(queryTypes).toContain(t.queryType);
      }
    }
  });
});
