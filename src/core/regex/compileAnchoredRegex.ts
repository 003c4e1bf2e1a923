import { RE2JS } from 're2js';

/**
 * TraceQL regexes (`=~`, `!~`) use Go's RE2 syntax and are fully anchored, as in Tempo: `=~ "bar"`
 * behaves like `^bar$`. RE2 runs in time linear in the input, so a hostile pattern cannot freeze a
 * browser tab the way a backtracking JavaScript RegExp can.
 */
export type AnchoredRegex =
  { readonly ok: true; test(s: string): boolean } | { readonly ok: false; readonly message: string };

/** Queries reuse a handful of patterns across many spans; a small cache avoids recompiling per span. */
const CACHE_LIMIT = 256;
const cache = new Map<string, AnchoredRegex>();

export function compileAnchoredRegex(pattern: string): AnchoredRegex {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    // Refresh recency: Map iteration order is insertion order, so re-inserting moves it last.
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const compiled = compileUncached(pattern);
  cache.set(pattern, compiled);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) {
      cache.delete(oldest.value);
    }
  }
  return compiled;
}

function compileUncached(pattern: string): AnchoredRegex {
  try {
    const re = RE2JS.compile(pattern);
    // `matches` requires the whole input to match, which is exactly the anchoring Tempo applies.
    return { ok: true, test: (s: string) => re.matches(s) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `invalid regular expression ${JSON.stringify(pattern)}: ${detail}` };
  }
}

/** Number of cached patterns; exposed so tests can check the cache stays bounded. */
export function anchoredRegexCacheSize(): number {
  return cache.size;
}
