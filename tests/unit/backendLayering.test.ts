/**
 * The layering rule (eslint-rules/backendLayering.js) against the branches on backend names the
 * #16 review found in the code before the backend interface, quoted as they were, and against
 * what the backend folders and registries may do.
 */
import path from 'path';

import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';

const rule = require('../../eslint-rules/backendLayering.js');

const ROOT = path.resolve(__dirname, '../..');
const at = (file: string) => path.join(ROOT, file);
const options = [{ backends: ['jaeger', 'tempo', 'zipkin'] }];

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('backend-layering', rule, {
  valid: [
    // A backend's own folder names itself.
    { filename: at('src/core/backends/jaeger/executor.ts'), code: "const ok = plan.backend === 'jaeger';", options },
    { filename: at('src/core/backends/tempo/plan.ts'), code: "type P = { backend: 'tempo' };", options },
    { filename: at('src/core/backends/jaeger/executor.ts'), code: "import { JaegerClient } from './client';", options },
    {
      filename: at('src/datasource/ConfigEditor/backends/jaeger/index.ts'),
      code: "import { jaeger } from '../../../../core/backends/jaeger';",
      options,
    },
    // The registries list every backend.
    {
      filename: at('src/core/backends/registry.ts'),
      code: "import { jaeger } from './jaeger';\nimport { tempo } from './tempo';\nexport const BACKENDS = [jaeger, tempo];",
      options,
    },
    {
      filename: at('src/datasource/ConfigEditor/backends/index.ts'),
      code: 'export const BACKEND_SECTIONS = { jaeger: jaegerSections, tempo: tempoSections };',
      options,
    },
    // Everyone else goes through the registry and the Backend interface.
    { filename: at('src/cli/source.ts'), code: "import { BACKENDS, createBackend } from '../core/backends';", options },
    {
      filename: at('src/core/analysis/runners/sampling.ts'),
      code: 'if (backend.features.samplingStrategies) { ask(); }',
      options,
    },
    // One name alone is not a table: Tempo as TraceQL's reference in the conformance cases.
    {
      filename: at('src/core/traceql/conformance/caseTypes.ts'),
      code: "const c = { query, tempo: 'valid', ours: 'valid' };",
      options,
    },
  ],
  invalid: [
    // plan/planQuery.ts: anything not Jaeger was planned as Tempo.
    {
      filename: at('src/core/plan/planQuery.ts'),
      code: "const p = caps.kind === 'jaeger' ? planJaegerQuery(root, caps, w) : planTempoQuery(root, caps, w);",
      options,
      errors: [{ messageId: 'compare' }],
    },
    // datasource.ts: the Prometheus service graph for Tempo only.
    {
      filename: at('src/datasource/datasource.ts'),
      code: "if (this.backend === 'tempo' && promUid) { load(); }",
      options,
      errors: [{ messageId: 'compare' }],
    },
    // analysis/runners/sampling.ts: strategies asked of Jaeger by name.
    {
      filename: at('src/core/analysis/runners/sampling.ts'),
      code: "if (opts.useStrategies !== false && backend.kind === 'jaeger') { ask(); }",
      options,
      errors: [{ messageId: 'compare' }],
    },
    // health/healthMessage.ts: any backend not Jaeger was told to use port 3200.
    {
      filename: at('src/datasource/health/healthMessage.ts'),
      code: "const hint = configured === 'jaeger' ? ' (port 16686)' : ' (port 3200)';",
      options,
      errors: [{ messageId: 'compare' }],
    },
    // ConfigEditor/LimitsSection.tsx: search depth shown for Jaeger only.
    {
      filename: at('src/datasource/ConfigEditor/LimitsSection.tsx'),
      code: "const jaeger = (props.options.jsonData.backend ?? 'jaeger') === 'jaeger';",
      options,
      errors: [{ messageId: 'compare' }],
    },
    // cli/source.ts and cli/commands/query.ts: a backend that is not --jaeger was Tempo.
    {
      filename: at('src/cli/source.ts'),
      code: "const kind = jaeger !== undefined ? 'jaeger' : 'tempo';",
      options,
      errors: [{ messageId: 'choose' }],
    },
    // cli/commands/explain.ts: the list of backends written out.
    {
      filename: at('src/cli/commands/explain.ts'),
      code: "if (backend !== 'jaeger' && backend !== 'tempo') { fail(); }",
      options,
      errors: [{ messageId: 'compare' }, { messageId: 'compare' }],
    },
    // query/createBackend.ts and plan/explainPlan.ts: switches on the name outside the registry.
    {
      filename: at('src/core/query/createBackend.ts'),
      code: "function make() { switch (config.kind) { case 'jaeger': return j(); case 'tempo': return t(); } }",
      options,
      errors: [{ messageId: 'caseName' }, { messageId: 'caseName' }],
    },
    // health/healthMessage.ts and ConfigEditor/options.ts: tables keyed by backend.
    {
      filename: at('src/datasource/health/healthMessage.ts'),
      code: "const NAMES: Record<BackendKind, string> = { jaeger: 'Jaeger', tempo: 'Tempo' };",
      options,
      errors: [{ messageId: 'table' }],
    },
    // query/types.ts and datasource/types.ts: the hand-kept union.
    {
      filename: at('src/datasource/types.ts'),
      code: "export type BackendKind = 'jaeger' | 'tempo';",
      options,
      errors: [{ messageId: 'table' }],
    },
    // Another backend's internals, from the generic layer or from another backend.
    {
      filename: at('src/core/query/types.ts'),
      code: "import type { QueryRangeResponse } from '../backends/tempo/types';",
      options,
      errors: [{ messageId: 'importInternals' }],
    },
    {
      filename: at('src/core/backends/zipkin/pushdown.ts'),
      code: "import { choosePushdown } from '../jaeger/pushdown';",
      options,
      errors: [{ messageId: 'importInternals' }],
    },
    {
      filename: at('src/datasource/ConfigEditor/ConfigEditor.tsx'),
      code: "export { SamplingSection } from '../../core/backends/jaeger';",
      options,
      errors: [{ messageId: 'importInternals' }],
    },
    // A backend's folder names no other backend either.
    {
      filename: at('src/core/backends/zipkin/executor.ts'),
      code: "const like = other.kind === 'Jaeger';",
      options,
      errors: [{ messageId: 'compare' }],
    },
  ],
});

// Without options the rule lists the backends from the folders under src/core/backends, so a new
// backend's name is guarded as soon as its folder exists.
tester.run('backend-layering (backends found in src/core/backends)', rule, {
  valid: [{ filename: at('src/core/backends/tempo/x.ts'), code: "const ok = kind === 'tempo';" }],
  invalid: [
    {
      filename: at('src/datasource/x.ts'),
      code: "const bad = kind === 'jaeger' || kind === 'tempo';",
      errors: [{ messageId: 'compare' }, { messageId: 'compare' }],
    },
  ],
});
