import fs from 'fs';
import http from 'http';
import path from 'path';

import { serveFile } from './staticFiles';

/*
 * Grafana's own public/ assets that @grafana/ui asks for at run time, served from npm packages in
 * node_modules (never the internet):
 * - fonts: @grafana/ui's GlobalStyles declares Inter under public/fonts/inter/ (the files rsms
 *   publishes, which the `inter-ui` package ships under the same names) and Roboto Mono's latin
 *   subset under public/fonts/roboto/ (one Google Fonts file name, for weights 400 and 500).
 * - icons: <Icon> fetches public/build/img/icons/<set>/<name>.svg. @grafana/ui bundles only some
 *   of them; the rest of the Unicons line set comes from `@iconify-json/uil` (the same icons as
 *   Iconify JSON bodies), wrapped in an <svg> here.
 */

const ROBOTO_MONO_LATIN = /^[A-Za-z0-9_-]+\.woff2$/;
const ICON_NAME = /^[a-z0-9-]+$/;

interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
}

export class PublicAssets {
  private unicons?: IconSet;

  constructor(private readonly repoRoot: string) {}

  private modules(...parts: string[]): string {
    return path.join(this.repoRoot, 'node_modules', ...parts);
  }

  /** Serves `rest` (the path after /public/fonts/); false when there is no such font. */
  serveFont(res: http.ServerResponse, rest: string): boolean {
    const [family, file, ...more] = rest.split('/');
    if (!file || more.length > 0) {
      return false;
    }
    if (family === 'inter') {
      return serveFile(res, this.modules('inter-ui', 'web'), file, true);
    }
    if (family === 'roboto' && ROBOTO_MONO_LATIN.test(file)) {
      return serveFile(
        res,
        this.modules('@fontsource', 'roboto-mono', 'files'),
        'roboto-mono-latin-400-normal.woff2',
        true
      );
    }
    return false;
  }

  /** Serves `rest` (the path after /public/build/img/icons/); false when no package has that icon. */
  serveIcon(res: http.ServerResponse, rest: string): boolean {
    if (serveFile(res, this.modules('@grafana', 'ui', 'dist', 'public', 'img', 'icons'), rest, true)) {
      return true;
    }
    const match = /^unicons\/([^/]+)\.svg$/.exec(rest);
    const name = match?.[1];
    if (!name || !ICON_NAME.test(name)) {
      return false;
    }
    const set = this.uniconSet();
    const icon = set?.icons[name];
    if (!set || !icon) {
      return false;
    }
    const width = icon.width ?? set.width ?? 24;
    const height = icon.height ?? set.height ?? 24;
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' });
    res.end(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${icon.body}</svg>`);
    return true;
  }

  private uniconSet(): IconSet | undefined {
    if (!this.unicons) {
      const file = this.modules('@iconify-json', 'uil', 'icons.json');
      if (!fs.existsSync(file)) {
        return undefined;
      }
      this.unicons = JSON.parse(fs.readFileSync(file, 'utf8')) as IconSet;
    }
    return this.unicons;
  }
}
