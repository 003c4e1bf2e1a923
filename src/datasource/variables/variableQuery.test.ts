import { parseVariableQuery } from './variableQuery';

describe('parseVariableQuery', () => {
  it.each([
    ['services', { kind: 'services' }],
    ['  attributes ', { kind: 'attributes' }],
    ['attributes(resource)', { kind: 'attributes', scope: 'resource' }],
    ['operations(api-gateway)', { kind: 'operations', service: 'api-gateway' }],
    ['operations("my \\"svc\\"")', { kind: 'operations', service: 'my "svc"' }],
    ['values(resource.service.name)', { kind: 'values', attribute: 'resource.service.name', filter: undefined }],
    [
      'values(span.http.route, { resource.service.name = "api" })',
      { kind: 'values', attribute: 'span.http.route', filter: '{ resource.service.name = "api" }' },
    ],
  ])('%s', (text, value) => expect(parseVariableQuery(text)).toEqual({ ok: true, value }));

  it.each(['', 'service', 'operations()', 'attributes(bogus)', 'values()'])('rejects %j with a message', (text) => {
    const r = parseVariableQuery(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).not.toBe('');
  });
});
