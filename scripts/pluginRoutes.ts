/**
 * Rewrites the `routes` of src/datasource/plugin.json from the backends' path allow-lists
 * (src/datasource/proxy/routes.ts). `npm run routes` after adding a backend or an API path; the
 * unit test fails until it is run.
 */
import fs from 'fs';
import path from 'path';
import prettier from 'prettier';

import { requiredRoutes } from '../src/datasource/proxy/routes';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../src/datasource/plugin.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  json.routes = requiredRoutes();
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(JSON.stringify(json, null, 2), { ...options, parser: 'json' });
  fs.writeFileSync(file, text);
  console.log(`${path.relative(process.cwd(), file)}: ${(json.routes as unknown[]).length} routes`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
