/**
 * Writes the generated golden inputs (run once: `npx tsx src/datasource/frames/golden/makeInputs.ts`).
 * They are committed, so later changes to the generator or the encoders cannot change what the
 * golden frames are compared against.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { encodeJaegerApiV3, encodeJaegerV1, encodeTempoV1 } from '../../../core/model';
import { generateTraces } from '../../../core/model/testing/syntheticTraces';

const SHAPE = {
  services: 20,
  attributesPerSpan: 5,
  attributesPerSpanMax: 12,
  eventRate: 0.3,
  linkRate: 0.1,
  errorRate: 0.1,
  microsecondTimes: false,
};

const trace = generateTraces({ ...SHAPE, seed: 21, traces: 1, spansPerTrace: 60 });
const search = generateTraces({ ...SHAPE, seed: 22, traces: 12, spansPerTrace: 12, microsecondTimes: true });

const files: Record<string, unknown> = {
  'synthetic.jaeger-v1.json': encodeJaegerV1(
    generateTraces({ ...SHAPE, seed: 21, traces: 1, spansPerTrace: 60, microsecondTimes: true })
  ),
  'synthetic.jaeger-api-v3.json': encodeJaegerApiV3(trace),
  'synthetic.tempo-v1.json': encodeTempoV1(trace),
  'synthetic-search.jaeger-v1.json': encodeJaegerV1(search),
  'synthetic-search.jaeger-api-v3.json': encodeJaegerApiV3(search),
};

for (const [name, body] of Object.entries(files)) {
  writeFileSync(join(__dirname, 'inputs', name), `${JSON.stringify(body)}\n`);
}
