/**
 * Contract test on the BUILT bundle: test helpers may live beside production code
 * (src/core/traceql/testArbitraries.ts, the testing/ and test/ folders), but nothing of them, nor
 * a test runner or property-testing library, may reach dist/. The source maps webpack writes list
 * every module each chunk was built from, so they say exactly what shipped.
 */
import fs from 'fs';
import path from 'path';

const DIST = path.resolve(__dirname, '../../dist');

/** Module paths that are test code: test files, test helper folders and files, test libraries. */
const TEST_CODE = [
  /\.(test|spec)\.[jt]sx?$/,
  /\/(testing|test|__mocks__|__tests__)\//,
  /\/testArbitraries\.ts$/,
  /\/testing\.ts$/,
  /\/testFrames\.ts$/,
  /node_modules\/(fast-check|pure-rand|jest[^/]*|@jest|@testing-library|@playwright|playwright[^/]*)\//,
];

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const scripts = fs.existsSync(DIST) ? files(DIST).filter((f) => f.endsWith('.js')) : [];

describe('dist/ holds no test code', () => {
  it('has a source map for every script, so the check below sees every module', () => {
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter((f) => !fs.existsSync(`${f}.map`)).map((f) => path.relative(DIST, f))).toEqual([]);
  });

  it('was built from no test file, test helper or test library', () => {
    const shipped = scripts.flatMap((f) => {
      const map = JSON.parse(fs.readFileSync(`${f}.map`, 'utf8')) as { sources: string[] };
      return map.sources.map((source) => `${path.relative(DIST, f)}: ${source}`);
    });
    expect(shipped.length).toBeGreaterThan(100);
    expect(shipped.filter((entry) => TEST_CODE.some((re) => re.test(entry)))).toEqual([]);
  });
});
