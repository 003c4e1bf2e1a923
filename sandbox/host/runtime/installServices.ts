import { DataSourceInstanceSettings } from '@grafana/data';
import {
  EchoEvent,
  EchoSrv,
  config,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setTemplateSrv,
} from '@grafana/runtime';

import { SandboxBackendSrv } from './backendSrv';
import { SandboxDataSourceSrv } from './dataSourceSrv';
import { SandboxTemplateSrv } from './templateSrv';

/** Grafana's analytics sink; the sandbox keeps events in memory so nothing leaves the machine. */
class MemoryEchoSrv implements EchoSrv {
  readonly events: Array<Omit<EchoEvent, 'meta'>> = [];
  flush(): void {}
  addBackend(): void {}
  addEvent<T extends EchoEvent>(event: Omit<T, 'meta'>): void {
    this.events.push(event);
  }
}

export interface SandboxServices {
  templateSrv: SandboxTemplateSrv;
  dataSourceSrv: SandboxDataSourceSrv;
}

/** Installs the @grafana/runtime singletons plugins reach for, before any plugin module loads. */
export function installServices(): SandboxServices {
  const templateSrv = new SandboxTemplateSrv();
  const dataSourceSrv = new SandboxDataSourceSrv(
    Object.values(config.datasources) as DataSourceInstanceSettings[],
    templateSrv
  );
  setBackendSrv(new SandboxBackendSrv());
  setTemplateSrv(templateSrv);
  setDataSourceSrv(dataSourceSrv);
  setEchoSrv(new MemoryEchoSrv());
  // No other app registers extensions here, so every extension point is empty.
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
  return { templateSrv, dataSourceSrv };
}
