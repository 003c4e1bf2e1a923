import fs from 'fs';
import path from 'path';

import { repoRoot } from './environment';

/** Fails with the fix in the message, instead of a timeout, when a plugin was never built. */
export function requireBuilt(...folders: string[]): void {
  for (const folder of folders) {
    const module = path.join(repoRoot, 'dist', folder, 'module.js');
    if (!fs.existsSync(module)) {
      throw new Error(`${path.relative(repoRoot, module)} is missing: run npm run build before the browser tests`);
    }
  }
}
