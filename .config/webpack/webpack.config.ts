/*
 * Follows @grafana/create-plugin's webpack config: SWC for TypeScript, AMD output with Grafana's
 * externals, one entry per nested plugin, plugin.json/README/logos copied with versions filled in.
 */
import CopyWebpackPlugin from 'copy-webpack-plugin';
import ESLintPlugin from 'eslint-webpack-plugin';
import ForkTsCheckerWebpackPlugin from 'fork-ts-checker-webpack-plugin';
import path from 'path';
import ReplaceInFileWebpackPlugin from 'replace-in-file-webpack-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import { type Configuration } from 'webpack';

import { copyFilePatterns } from '../bundler/copyFiles';
import { externals } from '../bundler/externals';
import { DIST_DIR, SOURCE_DIR, getEntries, getPackageJson, getPluginJson } from '../bundler/utils';

const pluginJson = getPluginJson();

const config = async (env: Record<string, unknown>): Promise<Configuration> => {
  const production = Boolean(env.production);
  const baseConfig: Configuration = {
    cache: {
      type: 'filesystem',
      buildDependencies: { config: [__filename] },
    },
    context: path.join(process.cwd(), SOURCE_DIR),
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: getEntries(),
    externals,
    mode: production ? 'production' : 'development',
    module: {
      rules: [
        {
          exclude: /(node_modules)/,
          test: /\.[tj]sx?$/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                baseUrl: path.resolve(process.cwd(), SOURCE_DIR),
                target: 'es2018',
                loose: false,
                parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
                transform: { react: { runtime: 'classic' } },
              },
            },
          },
        },
        {
          test: /\.css$/,
          use: ['style-loader', 'css-loader'],
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: 'asset/resource',
          generator: { filename: Boolean(production) ? '[hash][ext]' : '[file]' },
        },
      ],
    },
    optimization: {
      minimize: production,
      minimizer: [new TerserPlugin({ terserOptions: { format: { comments: false } }, extractComments: false })],
    },
    output: {
      clean: { keep: new RegExp(`(.*?_(amd64|arm(64)?)(.exe)?|go_plugin_build_manifest)`) },
      filename: '[name].js',
      library: { type: 'amd' },
      path: path.resolve(process.cwd(), DIST_DIR),
      publicPath: `public/plugins/${pluginJson.id}/`,
      uniqueName: pluginJson.id,
    },
    plugins: [
      new CopyWebpackPlugin({ patterns: copyFilePatterns }),
      new ReplaceInFileWebpackPlugin([
        {
          dir: DIST_DIR,
          test: [/(^|\/)plugin\.json$/, /(^|\/)README\.md$/],
          rules: [
            { search: /\%VERSION\%/g, replace: getPackageJson().version },
            { search: /\%TODAY\%/g, replace: new Date().toISOString().substring(0, 10) },
            { search: /\%PLUGIN_ID\%/g, replace: pluginJson.id },
          ],
        },
      ]),
      ...(production
        ? []
        : [
            new ForkTsCheckerWebpackPlugin({
              async: true,
              issue: { include: [{ file: '**/*.{ts,tsx}' }] },
              typescript: { configFile: path.join(process.cwd(), 'tsconfig.json') },
            }),
            new ESLintPlugin({ extensions: ['.ts', '.tsx'], lintDirtyModulesOnly: true }),
          ]),
    ],
    resolve: {
      extensions: ['.js', '.jsx', '.ts', '.tsx'],
      modules: [path.resolve(process.cwd(), 'src'), 'node_modules'],
      unsafeCache: true,
    },
    performance: { hints: false },
  };
  return baseConfig;
};

export default config;
