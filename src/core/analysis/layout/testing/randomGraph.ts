import type { LayoutInput } from '../types';
import { seededRandom } from '../../../seededRandom';

export interface RandomServiceGraph {
  readonly services: string[];
  readonly edges: Array<{ source: string; target: string }>;
}

/**
 * A service landscape like the ones the baselines were measured on: services in call-depth tiers,
 * each service called by callers from earlier tiers (edgesPerService on average), plus a few
 * callbacks from deep to shallow tiers so cycles occur as they do in real meshes.
 */
export function randomServiceGraph(services: number, edgesPerService: number, seed = 1): RandomServiceGraph {
  const rnd = seededRandom(seed);
  const tiers = Math.max(2, Math.round(Math.log2(services)));
  const names = Array.from({ length: services }, (_, i) => `svc-${String(i).padStart(5, '0')}`);
  const tierOf = (i: number) => Math.floor((i * tiers) / services);
  const seen = new Set<string>();
  const edges: Array<{ source: string; target: string }> = [];
  const want = services * edgesPerService;
  const firstOfTier1 = names.findIndex((_, i) => tierOf(i) >= 1);
  let guard = 0;
  while (edges.length < want && guard++ < want * 20) {
    const target = firstOfTier1 + Math.floor(rnd() * (services - firstOfTier1));
    const callback = rnd() < 0.01;
    const limit = names.findIndex((_, i) => tierOf(i) >= tierOf(target));
    let source = Math.floor(rnd() * Math.max(1, limit));
    if (callback) {
      source = Math.min(services - 1, target + 1 + Math.floor(rnd() * (services - target - 1)));
    }
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) {
      continue;
    }
    seen.add(key);
    edges.push({ source: names[source], target: names[target] });
  }
  return { services: names, edges };
}

export function toLayoutInput(g: RandomServiceGraph, size = 40): LayoutInput {
  return {
    nodes: g.services.map((id) => ({ id, width: size, height: size })),
    edges: g.edges.map((e) => ({ id: `${e.source}->${e.target}`, ...e })),
  };
}
