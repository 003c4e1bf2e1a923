import { DataSourceApi, DataSourceInstanceSettings, DataSourceRef, ScopedVars } from '@grafana/data';
import {
  DataSourceSrv,
  GetDataSourceListFilters,
  RuntimeDataSourceRegistration,
  TemplateSrv,
  config,
} from '@grafana/runtime';

import { importDataSourcePlugin } from '../amd/importPlugin';

/**
 * Looks data sources up by uid, name or ref like Grafana's DatasourceSrv and instantiates the
 * plugin's DataSourceApi with the instance settings from boot data (url = the proxy path).
 */
export class SandboxDataSourceSrv implements DataSourceSrv {
  private readonly settings = new Map<string, DataSourceInstanceSettings>();
  private readonly instances = new Map<string, Promise<DataSourceApi>>();
  private readonly runtime = new Map<string, DataSourceApi>();

  constructor(
    list: DataSourceInstanceSettings[],
    private readonly templateSrv: TemplateSrv
  ) {
    list.forEach((ds) => this.settings.set(ds.uid, ds));
  }

  /** Called after the config page saves: the next get() builds a fresh instance. */
  replaceInstanceSettings(ds: DataSourceInstanceSettings): void {
    this.settings.set(ds.uid, ds);
    this.instances.delete(ds.uid);
    config.datasources[ds.name] = ds;
  }

  getInstanceSettings(
    ref?: DataSourceRef | string | null,
    scopedVars?: ScopedVars
  ): DataSourceInstanceSettings | undefined {
    const all = [...this.settings.values()];
    if (ref === undefined || ref === null || ref === 'default') {
      return all.find((ds) => ds.isDefault) ?? all[0];
    }
    const key =
      typeof ref === 'string'
        ? this.templateSrv.replace(ref, scopedVars)
        : ref.uid
          ? this.templateSrv.replace(ref.uid, scopedVars)
          : undefined;
    if (!key) {
      // A ref with only a type picks the first data source of that type, as Grafana does.
      return typeof ref === 'object' && ref.type ? all.find((ds) => ds.type === ref.type) : undefined;
    }
    return this.settings.get(key) ?? all.find((ds) => ds.name === key);
  }

  get(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const runtime = this.runtime.get(typeof ref === 'string' ? ref : (ref?.uid ?? ''));
    if (runtime) {
      return Promise.resolve(runtime);
    }
    const settings = this.getInstanceSettings(ref, scopedVars);
    if (!settings) {
      return Promise.reject(new Error(`Data source ${JSON.stringify(ref)} was not found`));
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = importDataSourcePlugin(settings.meta).then((plugin) => {
        const DataSource = plugin.DataSourceClass;
        const api = new DataSource(settings);
        api.components = plugin.components;
        api.meta = plugin.meta;
        return api;
      });
      // A failed load is not cached, so a rebuilt dist/ can be picked up by retrying.
      instance.catch(() => this.instances.delete(settings.uid));
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return [...this.settings.values()].filter((ds) => {
      const meta = ds.meta;
      return (
        (!filters.tracing || meta.tracing) &&
        (!filters.logs || meta.logs) &&
        (!filters.metrics || meta.metrics) &&
        (!filters.annotations || meta.annotations) &&
        (!filters.pluginId || meta.id === filters.pluginId) &&
        (!filters.filter || filters.filter(ds)) &&
        (!filters.type || (Array.isArray(filters.type) ? filters.type.includes(meta.id) : meta.id === filters.type))
      );
    });
  }

  reload(): void {
    this.instances.clear();
  }

  registerRuntimeDataSource({ dataSource }: RuntimeDataSourceRegistration): void {
    // Runtime data sources are served by get(); they have no instance settings to list.
    this.runtime.set(dataSource.uid, dataSource);
  }
}
