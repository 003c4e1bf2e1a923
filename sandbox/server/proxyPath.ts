/** Why a proxied path was refused; the proxy answers 400 with this message. */
export class UnsafeProxyPathError extends Error {}

/**
 * Checks the part of `/api/datasources/proxy/uid/<uid>/<path>` after the uid before it is joined to
 * the data source URL. Encoded slashes or backslashes and `..` segments (raw or percent-encoded) would
 * let a caller reach endpoints outside the data source's API with its credentials attached, which is
 * the class of bug behind GHSA-9493-h4f5-633x, so they are refused instead of normalised.
 */
export function checkProxyPath(rawPath: string): string {
  if (/%2f|%5c/i.test(rawPath) || rawPath.includes('\\')) {
    throw new UnsafeProxyPathError('proxy path must not contain encoded slashes or backslashes');
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new UnsafeProxyPathError('proxy path is not valid percent-encoding');
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.') || decoded.includes('..')) {
    throw new UnsafeProxyPathError('proxy path must not contain ".." or "." segments');
  }
  return rawPath;
}

/** Joins a base URL and a proxy path without doubling or dropping the slash between them. */
export function joinUrl(base: string, rawPath: string, search: string): string {
  const left = base.replace(/\/+$/, '');
  const right = rawPath.replace(/^\/+/, '');
  return `${left}${right ? `/${right}` : ''}${search}`;
}
