import { LoadingState, type DataQueryError, type DataQueryResponse } from '@grafana/data';
import { isFetchError } from '@grafana/runtime';

import { isTraceLensError } from '../../core/errors';

/**
 * A message for the panel from anything a query can fail with: core errors already name the cause;
 * Grafana fetch errors carry the server's message in `data`; anything else is described as is.
 */
export function queryErrorMessage(err: unknown): string {
  if (isTraceLensError(err)) {
    return err.message;
  }
  if (isFetchError(err)) {
    const data: unknown = err.data;
    const serverMessage =
      typeof data === 'string'
        ? data
        : data && typeof data === 'object' && 'message' in data && typeof data.message === 'string'
          ? data.message
          : undefined;
    const status = err.status ? `HTTP ${err.status}` : 'request failed';
    return serverMessage ? `${status}: ${serverMessage}` : (err.message ?? err.statusText ?? status);
  }
  if (err instanceof Error) {
    return err.message;
  }
  return typeof err === 'string' ? err : 'unknown error';
}

export function errorResponse(err: unknown, refId: string): DataQueryResponse {
  const error: DataQueryError = { message: queryErrorMessage(err), refId };
  if (isTraceLensError(err) && err.status !== undefined) {
    error.status = err.status;
  }
  return { data: [], key: refId, state: LoadingState.Error, error, errors: [error] };
}
