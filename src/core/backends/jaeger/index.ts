/** Jaeger: api_v3 (v1 JSON as a fallback), dependencies, and remote-sampling strategies. */
import { TraceLensError } from '../../errors';
import { defineBackend } from '../types';
import { explainJaegerPlan } from './explain';
import { JAEGER_FEATURES, JaegerBackend } from './executor';
import { JAEGER_PATHS, JAEGER_SAMPLING_PATHS } from './paths';
import { jaegerCapabilities, planJaegerQuery } from './plan';

export const jaeger = defineBackend({
  kind: 'jaeger',
  label: 'Jaeger',
  defaultUrl: 'http://localhost:16686',
  paths: JAEGER_PATHS,
  samplingPaths: JAEGER_SAMPLING_PATHS,
  samplingPort: 5778,
  features: JAEGER_FEATURES,
  cliHelp: 'a live Jaeger query service (e.g. http://127.0.0.1:16686)',
  planner: {
    flags: [{ name: 'jaeger-api', help: 'v3|v1: the Jaeger search API to plan for (default v3)' }],
    explain(root, window, { searchDepth, flags }) {
      const api = flags['jaeger-api'] ?? 'v3';
      if (api !== 'v3' && api !== 'v1') {
        throw new TraceLensError('input', `--jaeger-api must be v3 or v1, got ${api}`);
      }
      return explainJaegerPlan(planJaegerQuery(root, jaegerCapabilities(api, searchDepth), window));
    },
  },
  create: (options) => new JaegerBackend(options.transport, options),
});

export { JaegerClient } from './client';
export type { JaegerClientOptions } from './client';
export { fetchSamplingStrategy } from './sampling';
export { JAEGER_PATHS, JAEGER_SAMPLING_PATHS } from './paths';
export type { JaegerPathTemplate } from './paths';
export { explainJaegerPlan } from './explain';
export { jaegerCapabilities, planJaegerQuery } from './plan';
export type { JaegerCapabilitiesForPlan, JaegerPlan } from './plan';
export type { JaegerPushdown, PushedCondition } from './pushdown';
export type {
  JaegerApi,
  JaegerCapabilities,
  JaegerDetection,
  JaegerOperation,
  JaegerSearchParams,
  JaegerTraceSummary,
} from './types';
