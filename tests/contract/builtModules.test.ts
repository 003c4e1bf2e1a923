/**
 * Contract test on the BUILT bundle (run after `npm run build`): every module.js under dist/ loads as
 * Grafana loads it and exports a `plugin` of the class its plugin.json promises, and dist/ holds
 * every file Grafana and the catalog expect.
 */
import fs from 'fs';
import path from 'path';
import { AppPlugin, DataSourceApi, DataSourcePlugin, PanelPlugin } from '@grafana/data';

import { loadAmdModule } from './amdLoader';

const DIST = path.resolve(__dirname, '../../dist');
const PLUGIN_ID = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;
const EXPECTED_IDS = [
  'tracelens-app',
  'tracelens-traceql-datasource',
  'tracelens-servicegraph-panel',
  'tracelens-latencyheatmap-panel',
  'tracelens-sampling-panel',
];

interface PluginJson {
  id: string;
  type: 'app' | 'panel' | 'datasource';
  name: string;
  info: { version: string; updated: string; logos: { small: string; large: string } };
  dependencies?: { grafanaDependency?: string };
  includes?: Array<{ type: string; path?: string; name: string }>;
  tracing?: boolean;
}

function findPluginJsons(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...findPluginJsons(full));
    } else if (entry.name === 'plugin.json') {
      out.push(full);
    }
  }
  return out.sort();
}

const resolveExternal = (name: string): unknown => require(name);

const pluginJsonFiles = fs.existsSync(DIST) ? findPluginJsons(DIST) : [];

describe('dist/ bundle', () => {
  it('exists (run `npm run build` first)', () => {
    expect(fs.existsSync(path.join(DIST, 'module.js'))).toBe(true);
  });

  it('contains exactly the five TraceLens plugins', () => {
    const ids = pluginJsonFiles.map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as PluginJson).id).sort();
    expect(ids).toEqual([...EXPECTED_IDS].sort());
  });

  it('ships README, CHANGELOG and LICENSE at the root', () => {
    for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
      expect(fs.existsSync(path.join(DIST, f))).toBe(true);
      expect(fs.readFileSync(path.join(DIST, f), 'utf8').length).toBeGreaterThan(100);
    }
  });

  it('ships the app dashboard it includes', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8')) as PluginJson;
    const dashboards = (app.includes ?? []).filter((i) => i.type === 'dashboard');
    expect(dashboards.length).toBeGreaterThan(0);
    for (const d of dashboards) {
      const dashboard = JSON.parse(fs.readFileSync(path.join(DIST, d.path ?? ''), 'utf8'));
      expect(Array.isArray(dashboard.panels)).toBe(true);
    }
  });
});

describe.each(pluginJsonFiles.map((f) => [path.relative(DIST, f), f]))('%s', (_rel, file) => {
  const folder = path.dirname(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as PluginJson;

  it('has a valid id, a filled-in version and date, and a Grafana dependency', () => {
    expect(json.id).toMatch(PLUGIN_ID);
    expect(json.id.endsWith(json.type)).toBe(true);
    expect(json.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.dependencies?.grafanaDependency).toMatch(/^>=\d+\.\d+\.\d+$/);
    expect(JSON.stringify(json)).not.toMatch(/%(VERSION|TODAY|PLUGIN_ID)%/);
  });

  it('has its logos', () => {
    for (const logo of [json.info.logos.small, json.info.logos.large]) {
      expect(fs.existsSync(path.join(folder, logo))).toBe(true);
    }
  });

  it('loads as an AMD module with Grafana externals and exports the right plugin class', () => {
    const mod = loadAmdModule(path.join(folder, 'module.js'), resolveExternal);
    const plugin = mod.plugin;
    switch (json.type) {
      case 'app':
        expect(plugin).toBeInstanceOf(AppPlugin);
        expect((plugin as AppPlugin).root).toBeDefined();
        break;
      case 'datasource': {
        expect(plugin).toBeInstanceOf(DataSourcePlugin);
        const ds = plugin as DataSourcePlugin<DataSourceApi>;
        expect(ds.DataSourceClass.prototype).toBeInstanceOf(DataSourceApi);
        expect(ds.components.QueryEditor).toBeDefined();
        expect(ds.components.ConfigEditor).toBeDefined();
        expect(json.tracing).toBe(true);
        break;
      }
      case 'panel': {
        expect(plugin).toBeInstanceOf(PanelPlugin);
        const panel = plugin as PanelPlugin;
        expect(panel.panel).toBeDefined();
        break;
      }
    }
  });
});
