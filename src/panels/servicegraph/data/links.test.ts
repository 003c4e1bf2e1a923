import { logsUrl, traceqlForEdge, traceqlForNode, traceqlForPeerEdge, tracesUrl } from './links';

const range = { from: 'now-1h', to: 'now' };
const panesOf = (url: string) => {
  const panes = JSON.parse(decodeURIComponent(url.split('panes=')[1].split('&')[0]));
  return {
    sg: Object.values(panes)[0] as { datasource: string; queries: Array<Record<string, unknown>>; range: unknown },
  };
};

describe('links', () => {
  it('builds the TraceQL for a node and for a call between two services', () => {
    expect(traceqlForNode('api')).toBe('{resource.service.name="api"}');
    expect(traceqlForEdge('a', 'b')).toBe('{resource.service.name="a"} >> {resource.service.name="b"}');
  });

  it('escapes quotes and backslashes in names', () => {
    expect(traceqlForNode('we"ird\\svc')).toBe('{resource.service.name="we\\"ird\\\\svc"}');
  });

  it('finds calls to an uninstrumented peer by the client span attribute', () => {
    expect(traceqlForPeerEdge('users', 'db.system', 'postgresql')).toBe(
      '{resource.service.name="users" && span.db.system="postgresql"}'
    );
  });

  it('opens Explore on the data source that produced the frames', () => {
    const url = tracesUrl({ uid: 'tl1', type: 'tracelens-traceql-datasource' }, traceqlForNode('api'), range);
    expect(url.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    const pane = panesOf(url).sg;
    expect(pane.datasource).toBe('tl1');
    expect(pane.queries[0]).toEqual({
      refId: 'A',
      queryType: 'traceql',
      query: '{resource.service.name="api"}',
      datasource: { type: 'tracelens-traceql-datasource', uid: 'tl1' },
    });
    expect(pane.range).toEqual(range);
  });

  it('fills the logs query template with the service name', () => {
    const pane = panesOf(logsUrl('loki1', '{service_name="${service}"} |= "error"', 'api', range)).sg;
    expect(pane.queries[0].expr).toBe('{service_name="api"} |= "error"');
    expect(pane.datasource).toBe('loki1');
  });
});
