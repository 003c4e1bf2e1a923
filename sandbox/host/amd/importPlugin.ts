import { DataSourceApi, DataSourcePlugin, PanelPlugin, PanelPluginMeta, PluginMeta } from '@grafana/data';

import { SandboxPluginInfo, sandboxGlobals } from '../sandboxGlobals';
import { loadPluginModule } from './pluginLoader';

export function findBuiltPlugin(id: string): SandboxPluginInfo | undefined {
  return sandboxGlobals().plugins.find((plugin) => plugin.id === id);
}

function notBuilt(id: string): Error {
  return new Error(
    sandboxGlobals().distBuilt
      ? `Plugin ${id} is not in dist/ (run npm run build after it lands)`
      : 'dist/ has no built plugins yet: run npm run build'
  );
}

/** Like Grafana's importDataSourcePlugin: load the module, check the export, attach the meta. */
export async function importDataSourcePlugin(meta: PluginMeta): Promise<DataSourcePlugin<DataSourceApi>> {
  const info = findBuiltPlugin(meta.id);
  if (!info) {
    throw notBuilt(meta.id);
  }
  const { plugin } = await loadPluginModule(info.module);
  if (!(plugin instanceof DataSourcePlugin)) {
    throw new Error(`${info.module} does not export a DataSourcePlugin named "plugin"`);
  }
  plugin.meta = { ...meta, module: info.module, baseUrl: info.baseUrl };
  return plugin;
}

export async function importPanelPlugin(id: string, meta: PluginMeta): Promise<PanelPlugin> {
  const info = findBuiltPlugin(id);
  if (!info) {
    throw notBuilt(id);
  }
  const { plugin } = await loadPluginModule(info.module);
  if (!(plugin instanceof PanelPlugin)) {
    throw new Error(`${info.module} does not export a PanelPlugin named "plugin"`);
  }
  const panelMeta: PanelPluginMeta = {
    sort: 100,
    skipDataQuery: false,
    hideFromList: false,
    ...meta,
    module: info.module,
    baseUrl: info.baseUrl,
  };
  plugin.meta = panelMeta;
  return plugin;
}
