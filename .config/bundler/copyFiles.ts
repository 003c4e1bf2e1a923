import { getPluginJson, hasReadme } from './utils';

const pluginJson = getPluginJson();
const logoPaths: string[] = Array.from(new Set([pluginJson.info?.logos?.large, pluginJson.info?.logos?.small])).filter(
  Boolean
);
const screenshotPaths: string[] = pluginJson.info?.screenshots?.map((s: { path: string }) => s.path) || [];

export const copyFilePatterns = [
  // If src/README.md exists use it; otherwise the root README
  { from: hasReadme() ? 'README.md' : '../README.md', to: '.', force: true },
  { from: 'plugin.json', to: '.' },
  { from: '../LICENSE', to: '.' },
  { from: '../CHANGELOG.md', to: '.', force: true },
  { from: '**/*.json', to: '.', globOptions: { ignore: ['**/*.test.*', '**/__fixtures__/**', 'core/**'] } },
  { from: '**/*.svg', to: '.', noErrorOnMissing: true },
  { from: '**/README.md', to: '.', noErrorOnMissing: true, globOptions: { ignore: ['core/**'] } },
  { from: '**/query_help.md', to: '.', noErrorOnMissing: true },
  // The app's included dashboard is the provisioned one: a single source for both routes.
  { from: '../provisioning/dashboards/tracelens-overview.json', to: 'dashboards/overview.json' },
  ...logoPaths.map((logoPath) => ({ from: logoPath, to: logoPath })),
  ...screenshotPaths.map((screenshotPath) => ({ from: screenshotPath, to: screenshotPath })),
];
