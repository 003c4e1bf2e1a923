import { config } from '@grafana/runtime';

import { exploreUrl, exploreUrlBuilder, exploreUrlFor } from './exploreLinks';

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

describe('exploreUrlBuilder', () => {
  const loki = { uid: 'loki-1', type: 'loki' };
  const model = (text: string) => ({ refId: 'logs', expr: text, queryType: 'range' });
  const range = { from: '1764092934000', to: '1764092934251' };

  it.each([
    ['plain', '{service_name="api"} |= "4bf92f3577b34da6"'],
    ['quotes and backslashes', '{a="say \\"hi\\" C:\\\\dir"}'],
    ['URL metacharacters', '{a="x&y=z#w?%20+"}'],
    ['control characters', 'line\nbreak\ttab\u0001\u007f'],
    ['unicode', 'ünïcødé ☃ 𝄞'],
    ['a lone surrogate', 'half \ud834 of a pair'],
    ['the marker itself', '\u0001tl-text\u0001'],
    ['empty', ''],
  ])('writes what exploreUrlFor writes: %s', (_name, text) => {
    const build = exploreUrlBuilder(loki, model, 3);
    expect(build(text, range)).toBe(exploreUrlFor(loki, model(text), range, 3));
  });

  it('writes the fixed parts once, not once per row', () => {
    const queryFor = jest.fn(model);
    const build = exploreUrlBuilder(loki, queryFor, 3);
    const urls = ['{a="1"}', '{a="2"}', '{a="3"}'].map((text) => build(text, range));
    expect(queryFor).toHaveBeenCalledTimes(1);
    expect(urls[2]).toBe(exploreUrlFor(loki, model('{a="3"}'), range, 3));
  });

  it('writes each row its own range, relative or not', () => {
    const build = exploreUrlBuilder(loki, model, undefined);
    for (const r of [range, { from: 'now-1h', to: 'now' }, { from: '-5', to: '1e+21' }]) {
      expect(build('{a="b"}', r)).toBe(exploreUrlFor(loki, model('{a="b"}'), r, undefined));
    }
  });

  it('falls back to a URL per row when the text is not in the query exactly once', () => {
    const twice = (text: string) => ({ refId: 'logs', expr: text, legend: text });
    const dropped = () => ({ refId: 'logs', expr: '{}' });
    for (const queryFor of [twice, dropped]) {
      const build = exploreUrlBuilder(loki, queryFor, 3);
      expect(build('{a="b"}', range)).toBe(exploreUrlFor(loki, queryFor('{a="b"}'), range, 3));
    }
  });
});
