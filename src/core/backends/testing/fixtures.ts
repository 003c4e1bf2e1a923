import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..', 'tests', 'fixtures');

/** A fixture body as text, exactly as a server would send it. Test-only. */
export function fixture(backend: 'jaeger' | 'tempo' | 'zipkin', name: string): string {
  return readFileSync(join(ROOT, backend, name), 'utf8');
}

export function fixturePath(backend: 'jaeger' | 'tempo' | 'zipkin', name: string): string {
  return join(ROOT, backend, name);
}
