import { SHARED_MODULES } from './externals';

/** A plugin module as webpack's AMD output exports it: `export const plugin = new PanelPlugin(...)`. */
export interface PluginModuleExports {
  plugin?: unknown;
}

let registered = false;

/**
 * Registers every shared module with RequireJS by name, as Grafana's loader does with SystemJS, so
 * `define(['react', '@grafana/data', ...], factory)` in dist/**\/module.js resolves to the host's copies.
 */
export function registerSharedModules(): void {
  if (registered) {
    return;
  }
  if (typeof window.define !== 'function' || typeof window.requirejs !== 'function') {
    throw new Error('The AMD loader (/vendor/require.js) did not load; plugin modules cannot be loaded.');
  }
  for (const [id, value] of Object.entries(SHARED_MODULES)) {
    window.define(id, [], () => value);
  }
  // Plugins are served from disk on loopback; a slow first build should not be reported as a timeout.
  window.requirejs.config({ waitSeconds: 60 });
  registered = true;
}

const cache = new Map<string, Promise<PluginModuleExports>>();

/** Loads `public/plugins/<id>/module.js` once per page and resolves with its exports. */
export function loadPluginModule(modulePath: string): Promise<PluginModuleExports> {
  const url = `/${modulePath.replace(/^\/+/, '')}`;
  const cached = cache.get(url);
  if (cached) {
    return cached;
  }
  registerSharedModules();
  const loading = new Promise<PluginModuleExports>((resolve, reject) => {
    window.requirejs(
      [url],
      (exports) => resolve((exports ?? {}) as PluginModuleExports),
      (error) => {
        const missing = error.requireModules?.filter((id) => id !== url) ?? [];
        reject(
          new Error(
            missing.length > 0
              ? `${url} needs ${missing.join(', ')}, which the sandbox does not provide as a shared module`
              : `${url} failed to load: ${error.message}`
          )
        );
      }
    );
  });
  cache.set(url, loading);
  return loading;
}
