import type { HttpRequest } from '../../core/backends/transport';

/**
 * `?k=v&k=v2` with every key and value percent-encoded (spaces as %20, not '+', so TraceQL such as
 * `{ a + b }` survives servers that do not decode '+'). Array values repeat the key; undefined
 * values are left out. Keys keep their insertion order so URLs are stable in tests and caches.
 */
export function buildQueryString(query: HttpRequest['query']): string {
  if (!query) {
    return '';
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    const values: readonly string[] = typeof value === 'string' ? [value] : value;
    for (const v of values) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
