import fs from 'fs';
import path from 'path';

import { fakeIO } from '../testing';
import { samplingCommand } from './sampling';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/traces/guide.otlp.json');

describe('tracelens sampling', () => {
  it('prints one row per root service with the documented fields', async () => {
    const io = fakeIO({ 'g.json': fs.readFileSync(FIXTURE, 'utf8') });
    const code = await samplingCommand.run(['--traces', 'g.json', '--compact'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.services.length).toBeGreaterThan(0);
    for (const s of out.services) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'service',
          'sampler',
          'probability',
          'storedTraces',
          'estimatedRequests',
          'spansPerTrace',
        ])
      );
      expect(['tracestate', 'jaeger-tags', 'strategy', 'rate-limited', 'unknown']).toContain(s.sampler);
      if (s.sampler === 'unknown' || s.sampler === 'rate-limited') {
        expect(s.estimatedRequests).toBeNull();
      } else {
        expect(s.estimatedRequests).toBeGreaterThanOrEqual(s.storedTraces);
      }
    }
  });

  it('is a usage error without a source', async () => {
    const io = fakeIO();
    expect(await samplingCommand.run([], io)).toBe(2);
    expect(io.err()).toMatch(/exactly one of --traces/);
  });
});
