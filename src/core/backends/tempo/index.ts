/** Grafana Tempo: TraceQL natively where the server's version runs the query, the engine otherwise. */
import { defineBackend } from '../types';
import { tempoCapabilities } from './capabilities';
import { explainTempoPlan } from './explain';
import { TEMPO_FEATURES, TempoBackend } from './executor';
import { TEMPO_PATHS } from './paths';
import { planTempoQuery } from './plan';

export const tempo = defineBackend({
  kind: 'tempo',
  label: 'Tempo',
  defaultUrl: 'http://localhost:3200',
  paths: TEMPO_PATHS,
  features: TEMPO_FEATURES,
  cliHelp: 'a live Tempo (e.g. http://127.0.0.1:3200)',
  planner: {
    flags: [{ name: 'tempo-version', help: 'the Tempo version to plan for (default: the latest release)' }],
    explain: (root, window, { searchDepth, flags }) =>
      explainTempoPlan(planTempoQuery(root, tempoCapabilities(flags['tempo-version'] ?? '', searchDepth), window)),
  },
  create: (options) => new TempoBackend(options.transport, options),
});

export { TempoClient, toSeconds } from './client';
export type { TempoClientOptions } from './client';
export { TEMPO_PATHS } from './paths';
export type { TempoPathTemplate } from './paths';
export { explainTempoPlan } from './explain';
export { planTempoQuery } from './plan';
export type { TempoEnginePlan, TempoNativePlan, TempoPlan, UnsupportedUse } from './plan';
export {
  LATEST_TEMPO_RELEASE,
  TEMPO_FEATURE_SINCE,
  tempoCapabilities,
  tempoSupports,
  versionAtLeast,
} from './capabilities';
export type { TempoCapabilitiesForPlan, TempoFeature, Version } from './capabilities';
export { queryFeatures } from './features';
export type { FeatureUse } from './features';
export type {
  QueryInstantResponse,
  QueryRangeResponse,
  TempoStatus,
  TempoBuildInfo,
  TempoDetection,
  TempoSearchParams,
} from './types';
