import type { HttpRequest } from '../backends/transport';
import { TraceLensError } from '../errors';
import { codeUnitName, loneSurrogateAt } from '../unicode';

/**
 * `?k=v&k=v2`, every key and value percent-encoded (spaces as %20, not '+', so TraceQL such as
 * `{ a + b }` survives servers that do not decode '+'). Arrays repeat the key, undefined values are
 * left out, keys keep their order. Used by every transport (Node and Grafana's data proxy).
 */
export function encodeQuery(query: HttpRequest['query']): string {
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
      const lone = loneSurrogateAt(v);
      if (lone >= 0) {
        // encodeURIComponent would throw a bare URIError; say which parameter and why instead.
        throw new TraceLensError(
          'input',
          `the ${key} parameter contains an unpaired UTF-16 surrogate (${codeUnitName(v, lone)}), which is not text`
        );
      }
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Joins a base URL (which may carry a path prefix) and an API path. */
export function joinUrl(baseUrl: string, path: string, query?: HttpRequest['query']): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}${encodeQuery(query)}`;
}

/** `scheme://host:port` with the default port made explicit, so http://a and http://a:80 compare equal. */
export function originOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}`;
}
