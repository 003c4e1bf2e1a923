/** What the sandbox server injects into the host page beside Grafana's boot data. */
export interface SandboxPluginInfo {
  id: string;
  type: 'app' | 'datasource' | 'panel';
  name: string;
  /** `public/plugins/<id>/module.js`, relative to the page's <base href="/">. */
  module: string;
  baseUrl: string;
}

export interface SandboxGlobals {
  plugins: SandboxPluginInfo[];
  distBuilt: boolean;
  /** uids of data sources whose upstream URL is empty. */
  dataSourcesWithoutUrl?: string[];
}

/** The slice of RequireJS's global API the host uses (requirejs ships no TypeScript types here). */
export interface AmdRequire {
  (
    deps: string[],
    onLoad: (...modules: unknown[]) => void,
    onError: (error: Error & { requireModules?: string[] }) => void
  ): void;
  config(options: { baseUrl?: string; waitSeconds?: number }): void;
  undef(id: string): void;
}

export type AmdDefine = (name: string, deps: string[], factory: () => unknown) => void;

declare global {
  interface Window {
    __tracelensSandbox: SandboxGlobals;
    requirejs: AmdRequire;
    define: AmdDefine;
  }
}

export function sandboxGlobals(): SandboxGlobals {
  return window.__tracelensSandbox ?? { plugins: [], distBuilt: false };
}
