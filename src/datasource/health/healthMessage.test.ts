import { TraceLensError } from '../../core/errors';
import { healthFailure, healthSuccess } from './healthMessage';

describe('health messages', () => {
  it('says which backend, version and API are used', () => {
    expect(healthSuccess('jaeger', { kind: 'jaeger', version: 'v2.13.0', api: 'v3' })).toEqual({
      status: 'success',
      message: 'Connected to Jaeger v2.13.0 using the api_v3 HTTP API.',
    });
    expect(healthSuccess('jaeger', { kind: 'jaeger', api: 'v1' }).message).toContain('v1 JSON API');
  });

  it('flags a backend kind that does not match the setting', () => {
    expect(healthSuccess('jaeger', { kind: 'tempo', version: '2.8.1', api: 'v2' })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('answers like Tempo 2.8.1, but the data source is set to Jaeger'),
    });
  });

  it.each([
    [new TraceLensError('unreachable', 'connection refused'), 'Could not reach Jaeger: connection refused'],
    [new TraceLensError('timeout', 'no answer within 30s'), 'did not answer in time'],
    [new TraceLensError('http', 'invalid token', { status: 401 }), 'refused the credentials (HTTP 401): invalid token'],
    [new TraceLensError('http', '404 page not found', { status: 404 }), 'No Jaeger API at this URL (HTTP 404)'],
    [
      new TraceLensError('http', 'Bad Gateway', { status: 502 }),
      'data proxy could not get an answer from Jaeger (HTTP 502)',
    ],
    [
      new TraceLensError('http', 'internal error: storage down', { status: 500 }),
      'Jaeger failed with HTTP 500: internal error: storage down',
    ],
    [new TraceLensError('http', 'bad request', { status: 400 }), 'rejected the request (HTTP 400): bad request'],
    [new TraceLensError('malformed', 'expected JSON, got HTML'), 'not like Jaeger: expected JSON, got HTML'],
  ])('explains %s', (err, text) => {
    const r = healthFailure('jaeger', err);
    expect(r.status).toBe('error');
    expect(r.message).toContain(text);
  });

  it('points at the port the configured backend usually listens on', () => {
    const err = new TraceLensError('malformed', 'expected JSON');
    expect(healthFailure('jaeger', err).message).toContain('the Jaeger query API (port 16686)');
    expect(healthFailure('tempo', err).message).toContain('the Tempo query API (port 3200)');
  });
});
