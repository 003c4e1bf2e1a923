import { RE2JS } from 're2js';

/**
 * TraceQL regexes (`=~`, `!~`) use Go's RE2 syntax and are fully anchored, as in Tempo: `=~ "bar"`
 * behaves like `^bar$`. RE2 runs in time linear in the input, so a hostile pattern cannot freeze a
 * browser tab the way a backtracking JavaScript RegExp can.
 */
export type AnchoredRegex =
  { readonly ok: true; test(s: string): boolean } | { readonly ok: false; readonly message: string };

/**
 * The longest pattern compiled. RE2 matching is linear, but compiling is not cheap: measured here at
 * roughly 40 to 300 ms for a 4 KB pattern, on whatever thread asked, with nothing to interrupt it.
 * 4 KB still takes a multi-value variable of a couple of hundred service names.
 */
export const MAX_PATTERN_LENGTH = 4096;

/** Queries reuse a handful of patterns across many spans; a small cache avoids recompiling per span. */
const CACHE_LIMIT = 256;
const cache = new Map<string, AnchoredRegex>();

/**
 * Per query: the pattern of a literal in the syntax tree is compiled once, when the query is
 * validated, and the evaluator reuses that result however many other patterns have passed
 * through the shared cache since.
 */
const byNode = new WeakMap<object, AnchoredRegex>();

/**
 * Compiles `pattern` (RE2 syntax, anchored). `owner` is the syntax node the pattern came from,
 * when there is one: the compiled result is kept with it for the life of the query.
 */
export function compileAnchoredRegex(pattern: string, owner?: object): AnchoredRegex {
  if (owner !== undefined) {
    const kept = byNode.get(owner);
    if (kept !== undefined) {
      return kept;
    }
    const compiled = compileCached(pattern);
    byNode.set(owner, compiled);
    return compiled;
  }
  return compileCached(pattern);
}

function compileCached(pattern: string): AnchoredRegex {
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
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      message: `regular expression is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH} (narrow a multi-value variable or split the query)`,
    };
  }
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
