import { BACKENDS } from '../../core/backends';
import { isTraceLensError } from '../../core/errors';
import type { DetectResult } from '../client/types';
import { labels } from '../labels';

export interface HealthResult {
  status: 'success' | 'error';
  message: string;
  details?: { message?: string; verboseMessage?: string };
}

/** A backend's display name from the registry (the raw name for one this build does not know). */
function nameOf(kind: string): string {
  return BACKENDS.find((b) => b.kind === kind)?.label ?? kind;
}

/** ` (port 16686)`: the port the backend's query API usually listens on. */
function portHint(kind: string): string {
  const url = BACKENDS.find((b) => b.kind === kind)?.defaultUrl;
  const port = url ? new URL(url).port : '';
  return port ? ` (port ${port})` : '';
}

const API_NAMES: Record<string, string> = {
  v3: 'the api_v3 HTTP API',
  v1: 'the v1 JSON API (fallback: this server has no api_v3)',
  v2: 'the v2 API',
};

export function healthSuccess(configured: string, found: DetectResult): HealthResult {
  const version = found.version ? ` ${found.version}` : '';
  const api = API_NAMES[found.api] ?? found.api;
  if (found.kind !== configured) {
    return {
      status: 'error',
      message: `This URL answers like ${nameOf(found.kind)}${version}, but the data source is set to ${nameOf(configured)}. Change the backend to ${nameOf(found.kind)}.`,
    };
  }
  const result: HealthResult = {
    status: 'success',
    message: `Connected to ${nameOf(found.kind)}${version} using ${api}.`,
  };
  return found.message ? { ...result, details: { message: found.message } } : result;
}

/**
 * The one message for a data source saved without a URL, for the health check and every query:
 * the same words the config editor shows under the URL field.
 */
export function noUrlMessage(configured: string): string {
  const example = BACKENDS.find((b) => b.kind === configured)?.defaultUrl ?? 'http://host:port';
  const L = labels.config.connection;
  return `${L.noUrlTitle}: ${L.noUrl(nameOf(configured), example)}`;
}

/** Says what is wrong and what to check, for each way the health check can fail. */
export function healthFailure(configured: string, err: unknown): HealthResult {
  const name = nameOf(configured);
  if (!isTraceLensError(err)) {
    const detail = err instanceof Error ? err.message : String(err);
    return { status: 'error', message: `Health check failed: ${detail}` };
  }
  switch (err.kind) {
    case 'unreachable':
      return {
        status: 'error',
        message: `Could not reach ${name}: ${err.message}. Check the URL, and that the Grafana server (not your browser) can connect to it.`,
      };
    case 'timeout':
      return {
        status: 'error',
        message: `${name} did not answer in time (${err.message}). Check the URL or raise the timeout.`,
      };
    case 'cancelled':
      return { status: 'error', message: 'The health check was cancelled.' };
    case 'http':
      return httpFailure(name, err.status, err.message);
    case 'malformed':
      return {
        status: 'error',
        message: `The server answered, but not like ${name}: ${err.message}. Check that the URL points at the ${name} query API${portHint(configured)}.`,
      };
    default:
      return { status: 'error', message: `Health check failed: ${err.message}` };
  }
}

function httpFailure(name: string, status: number | undefined, message: string): HealthResult {
  if (status === 401 || status === 403) {
    return {
      status: 'error',
      message: `${name} refused the credentials (HTTP ${status}): ${message}. Check the authentication settings.`,
    };
  }
  if (status === 404) {
    return {
      status: 'error',
      message: `No ${name} API at this URL (HTTP 404): ${message}. Check the URL and any path prefix.`,
    };
  }
  if (status === 502 || status === 504) {
    return {
      status: 'error',
      message: `Grafana's data proxy could not get an answer from ${name} (HTTP ${status}): ${message}. Check the URL and that Grafana's server can reach it.`,
    };
  }
  if (status !== undefined && status >= 500) {
    return { status: 'error', message: `${name} failed with HTTP ${status}: ${message}` };
  }
  return { status: 'error', message: `${name} rejected the request (HTTP ${status ?? '?'}): ${message}` };
}
