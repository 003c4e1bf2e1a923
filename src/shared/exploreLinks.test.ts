import { config } from '@grafana/runtime';

import { exploreUrl, exploreUrlFor } from './exploreLinks';

describe('exploreUrl', () => {
  it('encodes the query into the panes parameter Grafana reads', () => {
    const url = exploreUrl('tl-jaeger', { refId: 'A', queryType: 'traceql', query: '{ status = error }' });
    expect(url.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    const panes = JSON.parse(decodeURIComponent(url.split('panes=')[1].split('&')[0]));
    expect(panes.tl.datasource).toBe('tl-jaeger');
    expect(panes.tl.queries[0]).toMatchObject({ query: '{ status = error }', queryType: 'traceql' });
    expect(panes.tl.queries[0].datasource).toEqual({ type: 'tracelens-traceql-datasource', uid: 'tl-jaeger' });
  });

  it('keeps characters that would break a URL inside the encoded value', () => {
    const url = exploreUrl('x', { refId: 'A', query: '{ span.http.url =~ "a&b=c#d" }' });
    expect(url).not.toContain('#');
    expect(url.split('&').length).toBe(2);
  });

  describe('the org', () => {
    const original = config.bootData;
    afterEach(() => {
      config.bootData = original;
    });

    it('is the current org, not org 1', () => {
      config.bootData = { ...original, user: { ...original?.user, orgId: 7 } } as typeof config.bootData;
      expect(exploreUrl('x', { refId: 'A' })).toMatch(/&orgId=7$/);
      expect(exploreUrlFor({ uid: 'loki' }, { expr: '{}' }, { from: '1', to: '2' })).toMatch(/&orgId=7$/);
    });

    it('is left to Grafana (the current org) when unknown', () => {
      config.bootData = {
        ...original,
        user: { ...original?.user, orgId: undefined },
      } as unknown as typeof config.bootData;
      expect(exploreUrl('x', { refId: 'A' })).not.toContain('orgId');
    });
  });
});
