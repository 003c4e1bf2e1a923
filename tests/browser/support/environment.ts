import path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const jaegerUrl = process.env.JAEGER_URL ?? 'http://127.0.0.1:16686';
/** Present while the stack was started by these tests' globalSetup. */
export const STACK_MARKER = path.join(repoRoot, 'test-results', '.browser-started-stack');
export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');
export const zipkinUrl = process.env.ZIPKIN_URL ?? 'http://127.0.0.1:9411';
