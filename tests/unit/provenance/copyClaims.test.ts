import { findCopyClaims } from './copyClaims';

describe('findCopyClaims', () => {
  it.each([
    'a line-by-line translation of Tempo’s Log2Bucketize and Log2Quantile',
    "// Ported from Tempo's lexer.go",
    '/* Copied from grafana/grafana public/app/plugins/datasource/tempo/utils.ts */',
    'uses Grafana core’s variable regex, copied from templateSrv',
    '# adapted from Loki’s LogQL parser',
    'This file is based on tempo pkg/traceql',
    'Queries taken verbatim from the Tempo repository',
    '/**\n * A translation of\n * Grafana core code for frames\n */',
    'Tempo conformance queries (grafana/tempo pkg/traceql/test_examples.yaml)',
    'fixtures from grafana/grafana public/app/plugins/datasource/tempo/testResponse mockJsonResponse',
  ])('finds a claim in %j', (text) => {
    expect(findCopyClaims(text)).not.toEqual([]);
  });

  it.each([
    'Nothing here is copied from Tempo.',
    'Never copy or translate code from Grafana core, Tempo or Loki.',
    'Grafana core is AGPL: never copy from it.',
    'Queries in the style of Tempo’s documentation, evaluated as Tempo does.',
    'Labels buckets with the upper bound in seconds, as Tempo does for durations',
    'plugin.json/README/logos copied with versions filled in',
    'Copied from @grafana/create-plugin (Apache-2.0)',
    'Jaeger’s OTLP translation stores the kind in a tag',
    'the port of the Tempo server, e.g. 3200', // a network port, not a claim
    'Tempo reads a negative int as a huge unsigned number.',
  ])('finds no claim in %j', (text) => {
    expect(findCopyClaims(text)).toEqual([]);
  });

  it('gives the line the claim starts on', () => {
    expect(findCopyClaims('one\ntwo\n// Translated from\n// Tempo code\n').map((c) => c.line)).toEqual([3]);
  });
});
