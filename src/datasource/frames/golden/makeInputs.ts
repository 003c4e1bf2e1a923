/**
 * Writes the generated golden inputs that are missing (run once: `npx tsx src/datasource/frames/golden/makeInputs.ts`).
 * They are committed, so later changes to the generator or the encoders cannot change what the
 * golden frames are compared against.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { searchTraces } from '../../../core/engine';
import { encodeJaegerApiV3, encodeJaegerV1, encodeTempoV1 } from '../../../core/model';
import { generateTraces } from '../../../core/model/testing/syntheticTraces';
import { parseTraceQL } from '../../../core/traceql';

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

/** Tempo's search answer as the engine writes it (Tempo's shape): spansets with the attributes read. */
function tempoSearch(): unknown {
  const parsed = parseTraceQL(
    '{ span.http.response.status_code >= 200 && resource.service.name != "frontend" } | select(span.http.route)'
  );
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  const r = searchTraces(parsed.value, generateTraces({ ...SHAPE, seed: 23, traces: 12, spansPerTrace: 12 }), {
    limit: 20,
    spss: 3,
  });
  if (!r.ok) {
    throw r.error;
  }
  return r.response;
}

const files: Record<string, unknown> = {
  'synthetic.jaeger-v1.json': encodeJaegerV1(
    generateTraces({ ...SHAPE, seed: 21, traces: 1, spansPerTrace: 60, microsecondTimes: true })
  ),
  'synthetic.jaeger-api-v3.json': encodeJaegerApiV3(trace),
  'synthetic.tempo-v1.json': encodeTempoV1(trace),
  'synthetic-search.jaeger-v1.json': encodeJaegerV1(search),
  'synthetic-search.jaeger-api-v3.json': encodeJaegerApiV3(search),
  'synthetic-search.tempo.json': tempoSearch(),
};

// Only missing files are written: the generator has changed since the first inputs were made, and
// rewriting them would move what the golden frames are compared against.
for (const [name, body] of Object.entries(files)) {
  const file = join(__dirname, 'inputs', name);
  if (!existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(body)}\n`);
  }
}
