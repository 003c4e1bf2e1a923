import { TraceLensError } from '../errors';
import { byteLength, call, decodeFrom, httpError, parseJson, RequestMeter, serverMessage } from './http';

const ep = { backend: 'Jaeger' as const, name: '/api/v3/traces' };

describe('serverMessage', () => {
  it.each([
    ['{"error":{"httpCode":400,"message":"bad start"}}', 'bad start'],
    ['{"code":3,"message":"grpc says no"}', 'grpc says no'],
    ['{"data":null,"errors":[{"code":400,"msg":"service required"},{"msg":"and more"}]}', 'service required; and more'],
    ['  plain text\nfrom Tempo  ', 'plain text from Tempo'],
    [
      '<!DOCTYPE html><html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1></body></html>',
      '502 Bad Gateway',
    ],
    ['{"unexpected":true}', '{"unexpected":true}'],
  ])('%s', (body, message) => {
    expect(serverMessage(body)).toBe(message);
  });

  it('clips long bodies', () => {
    expect(serverMessage('x'.repeat(1000)).length).toBe(300);
  });
});

describe('errors at the HTTP boundary', () => {
  it('httpError names backend, endpoint, status and message', () => {
    const e = httpError(ep, { status: 503, statusText: 'Service Unavailable', headers: {}, body: 'overloaded' });
    expect(e).toMatchObject({ kind: 'http', status: 503 });
    expect(e.message).toBe('Jaeger /api/v3/traces answered 503 Service Unavailable: overloaded');
  });

  it('parseJson and decodeFrom name the endpoint', () => {
    expect(() => parseJson(ep, '{"a":')).toThrow(/Jaeger \/api\/v3\/traces response/);
    expect(() =>
      decodeFrom(ep, () => {
        throw new TraceLensError('malformed', 'spans[0].spanId is missing');
      })
    ).toThrow('Jaeger /api/v3/traces response: spans[0].spanId is missing');
  });

  it('call turns a transport that throws something else into unreachable', async () => {
    await expect(
      call(() => Promise.reject(new Error('socket hang up')), ep, { method: 'GET', path: '/x' })
    ).rejects.toMatchObject({
      kind: 'unreachable',
      message: 'Jaeger /api/v3/traces request failed: socket hang up',
    });
  });

  it('counts UTF-8 bytes', () => {
    expect(byteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('RequestMeter', () => {
  it('counts requests, and bytes from the transport when it knows them, else by reading the body', async () => {
    const meter = new RequestMeter();
    const answers = [
      { status: 200, statusText: 'OK', headers: {}, body: '{"a":"é"}', bytes: 10 },
      { status: 200, statusText: 'OK', headers: {}, body: 'aé' },
    ];
    const transport = meter.wrap(() => Promise.resolve(answers.shift() ?? answers[0]));
    await transport({ method: 'GET', path: '/x' });
    expect(meter.bytes).toBe(10);
    await transport({ method: 'GET', path: '/y' });
    expect(meter).toMatchObject({ requests: 2, bytes: 13 });
  });
});
