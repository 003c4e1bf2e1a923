import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_FILES, fixtureText } from '../../../tests/fixtures/traces/generate';
import { decodeTraces, detectTraceFormat, parseJsonBody } from '.';
import { guideTraces } from './testing/guideTraces';

const DIR = join(__dirname, '../../../tests/fixtures/traces');

describe('trace fixtures in tests/fixtures/traces', () => {
  it.each(Object.keys(FIXTURE_FILES))('%s is up to date with the guide traces', (file) => {
    expect(readFileSync(join(DIR, file), 'utf8')).toBe(fixtureText(file));
  });

  it.each([
    ['guide.jaeger-v1.json', 'jaeger-v1'],
    ['guide.jaeger-api-v3.json', 'jaeger-api-v3'],
    ['guide.tempo-v1.json', 'tempo-v1'],
    ['guide.tempo-v2.json', 'tempo-v2'],
    ['guide.otlp.json', 'otlp'],
  ])('%s is detected as %s and decodes to the guide traces', (file, format) => {
    const body = parseJsonBody(readFileSync(join(DIR, file), 'utf8'), file);
    expect(detectTraceFormat(body)).toBe(format);
    expect(decodeTraces(body)).toEqual(guideTraces());
  });
});
