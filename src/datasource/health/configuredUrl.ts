import { lastValueFrom } from 'rxjs';

import type { FetchFn } from '../transport/grafanaTransport';

/**
 * Whether this data source is saved without a URL, from Grafana's data source API
 * (`GET /api/datasources/uid/<uid>`).
 *
 * The plugin cannot see the URL otherwise: in proxy mode its instance settings carry the proxy path,
 * and Grafana's proxy answers a blank URL with a bare error (a 502 or 400 naming the endpoint we
 * asked for), which reads as if the backend were broken. So after a failure we ask Grafana. Only a
 * clear "the URL is blank" counts: when the settings cannot be read (a Viewer lacks
 * `datasources:read`, an older server) the answer is false and the original error stands.
 */
export async function isUrlMissing(uid: string, fetchFn: FetchFn): Promise<boolean> {
  try {
    const response = await lastValueFrom(
      fetchFn({
        url: `/api/datasources/uid/${encodeURIComponent(uid)}`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    const data: unknown = response.data;
    if (!data || typeof data !== 'object' || !('url' in data)) {
      return false;
    }
    const url = data.url;
    return url === null || (typeof url === 'string' && url.trim() === '');
  } catch {
    return false;
  }
}
