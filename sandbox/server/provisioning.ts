import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';

/** One entry of a provisioning/datasources/*.yaml file, as Grafana reads it. */
export interface ProvisionedDataSource {
  name: string;
  type: string;
  uid: string;
  url: string;
  access: 'proxy' | 'direct';
  isDefault: boolean;
  basicAuth: boolean;
  basicAuthUser: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
  editable: boolean;
}

/**
 * Grafana expands `$VAR` and `${VAR}` in provisioning values from the environment and turns `$$` into a
 * literal `$`; an unset variable becomes the empty string, as Grafana's os.Expand-based code does.
 */
export function interpolateEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, bare) => {
    if (match === '$$') {
      return '$';
    }
    return env[braced ?? bare] ?? '';
  });
}

function interpolateDeep(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return interpolateEnv(value, env);
  }
  if (Array.isArray(value)) {
    return value.map((item) => interpolateDeep(item, env));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateDeep(item, env)]));
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asStringRecord(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asRecord(value)).flatMap(([key, item]) =>
      item === undefined || item === null ? [] : [[key, String(item)]]
    )
  );
}

function toDataSource(raw: unknown, file: string): ProvisionedDataSource {
  const entry = asRecord(raw);
  const name = String(entry.name ?? '');
  const type = String(entry.type ?? '');
  if (!name || !type) {
    throw new Error(`${file}: every data source needs a name and a type`);
  }
  return {
    name,
    type,
    // Grafana derives a uid when none is given; a stable one from the name keeps links working.
    uid: String(entry.uid ?? name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')),
    url: String(entry.url ?? ''),
    access: entry.access === 'direct' ? 'direct' : 'proxy',
    isDefault: entry.isDefault === true,
    basicAuth: entry.basicAuth === true,
    basicAuthUser: String(entry.basicAuthUser ?? ''),
    jsonData: asRecord(entry.jsonData),
    secureJsonData: asStringRecord(entry.secureJsonData),
    editable: entry.editable !== false,
  };
}

/** Reads every *.yaml / *.yml file in `dir` (sorted, as Grafana does), expanding env vars. */
export function loadProvisionedDataSources(dir: string, env: NodeJS.ProcessEnv): ProvisionedDataSource[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const files = fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  const byUid = new Map<string, ProvisionedDataSource>();
  for (const file of files) {
    const fullPath = path.join(dir, file);
    const doc = interpolateDeep(yaml.load(fs.readFileSync(fullPath, 'utf8')), env);
    const list = asRecord(doc).datasources;
    if (!Array.isArray(list)) {
      continue;
    }
    for (const raw of list) {
      const ds = toDataSource(raw, fullPath);
      byUid.set(ds.uid, ds);
    }
  }
  return [...byUid.values()];
}
