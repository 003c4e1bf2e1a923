import { ProvisionedDataSource } from './provisioning';

/** What the browser may see: secrets are reduced to `secureJsonFields` flags, as in Grafana's API. */
export interface PublicDataSourceSettings {
  id: number;
  uid: string;
  orgId: number;
  name: string;
  type: string;
  typeName: string;
  access: 'proxy' | 'direct';
  url: string;
  user: string;
  database: string;
  basicAuth: boolean;
  basicAuthUser: string;
  withCredentials: boolean;
  isDefault: boolean;
  jsonData: Record<string, unknown>;
  secureJsonFields: Record<string, boolean>;
  readOnly: boolean;
  version: number;
}

export interface StoredDataSource extends ProvisionedDataSource {
  id: number;
  version: number;
}

/** The body Grafana's config page PUTs: settings plus any secrets the user typed this time. */
export interface DataSourceUpdate {
  name?: string;
  url?: string;
  type?: string;
  uid?: string;
  access?: 'proxy' | 'direct';
  basicAuth?: boolean;
  basicAuthUser?: string;
  isDefault?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string | undefined>;
  secureJsonFields?: Record<string, boolean>;
  version?: number;
}

/**
 * In-memory data source table: starts from provisioning, changes only through the same API calls
 * Grafana's UI makes, and never hands a secret back to the browser.
 */
export class DataSourceStore {
  private readonly byUid = new Map<string, StoredDataSource>();
  private nextId = 1;

  constructor(provisioned: ProvisionedDataSource[]) {
    for (const ds of provisioned) {
      this.byUid.set(ds.uid, { ...ds, id: this.nextId++, version: 1 });
    }
  }

  list(): StoredDataSource[] {
    return [...this.byUid.values()];
  }

  get(uid: string): StoredDataSource | undefined {
    return this.byUid.get(uid);
  }

  toPublic(ds: StoredDataSource): PublicDataSourceSettings {
    return {
      id: ds.id,
      uid: ds.uid,
      orgId: 1,
      name: ds.name,
      type: ds.type,
      typeName: ds.type,
      access: ds.access,
      url: ds.url,
      user: '',
      database: '',
      basicAuth: ds.basicAuth,
      basicAuthUser: ds.basicAuthUser,
      withCredentials: false,
      isDefault: ds.isDefault,
      jsonData: ds.jsonData,
      secureJsonFields: Object.fromEntries(Object.keys(ds.secureJsonData).map((key) => [key, true])),
      readOnly: false,
      version: ds.version,
    };
  }

  create(update: DataSourceUpdate): StoredDataSource {
    if (!update.name || !update.type) {
      throw new Error('name and type are required');
    }
    const uid = update.uid || `ds-${this.nextId}`;
    if (this.byUid.has(uid)) {
      throw new Error(`data source with uid ${uid} already exists`);
    }
    const stored: StoredDataSource = {
      id: this.nextId++,
      version: 1,
      uid,
      name: update.name,
      type: update.type,
      url: update.url ?? '',
      access: update.access ?? 'proxy',
      isDefault: update.isDefault ?? false,
      basicAuth: update.basicAuth ?? false,
      basicAuthUser: update.basicAuthUser ?? '',
      jsonData: update.jsonData ?? {},
      secureJsonData: mergeSecrets({}, update),
      editable: true,
    };
    this.byUid.set(uid, stored);
    return stored;
  }

  update(uid: string, update: DataSourceUpdate): StoredDataSource {
    const current = this.byUid.get(uid);
    if (!current) {
      throw new Error(`data source ${uid} not found`);
    }
    const next: StoredDataSource = {
      ...current,
      name: update.name ?? current.name,
      url: update.url ?? current.url,
      access: update.access ?? current.access,
      isDefault: update.isDefault ?? current.isDefault,
      basicAuth: update.basicAuth ?? current.basicAuth,
      basicAuthUser: update.basicAuthUser ?? current.basicAuthUser,
      jsonData: update.jsonData ?? current.jsonData,
      secureJsonData: mergeSecrets(current.secureJsonData, update),
      version: current.version + 1,
    };
    this.byUid.set(uid, next);
    return next;
  }
}

/**
 * Grafana keeps a stored secret unless the update sends a new value for it, and drops it when the
 * editor resets it (secureJsonFields[key] === false without a new value).
 */
function mergeSecrets(current: Record<string, string>, update: DataSourceUpdate): Record<string, string> {
  const merged = { ...current };
  for (const [key, flag] of Object.entries(update.secureJsonFields ?? {})) {
    if (flag === false) {
      delete merged[key];
    }
  }
  for (const [key, value] of Object.entries(update.secureJsonData ?? {})) {
    if (typeof value === 'string' && value !== '') {
      merged[key] = value;
    } else if (value === '') {
      delete merged[key];
    }
  }
  return merged;
}
