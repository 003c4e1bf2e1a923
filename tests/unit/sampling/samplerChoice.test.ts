import { fixedSamplingStatus, parseSamplerChoice } from '../../../demo/sampling/samplerChoice';

describe('parseSamplerChoice (TRACELENS_SAMPLER)', () => {
  it('keeps the Jaeger remote sampler when unset or named', () => {
    expect(parseSamplerChoice(undefined)).toEqual({ kind: 'jaeger-remote' });
    expect(parseSamplerChoice('')).toEqual({ kind: 'jaeger-remote' });
    expect(parseSamplerChoice('jaeger-remote')).toEqual({ kind: 'jaeger-remote' });
  });

  it('reads off and consistent:<p>', () => {
    expect(parseSamplerChoice('off')).toEqual({ kind: 'off' });
    expect(parseSamplerChoice('consistent:0.25')).toEqual({ kind: 'consistent', probability: 0.25 });
    expect(parseSamplerChoice(' consistent:1 ')).toEqual({ kind: 'consistent', probability: 1 });
  });

  it('rejects typos and probabilities outside (0, 1] rather than falling back', () => {
    for (const bad of ['consistent:0', 'consistent:1.5', 'consistent:abc', 'consistent:', 'of', 'ratio:0.1']) {
      expect(() => parseSamplerChoice(bad)).toThrow(/TRACELENS_SAMPLER/);
    }
  });

  it('reports a fixed sampler as ready with its probability', () => {
    expect(fixedSamplingStatus({ kind: 'consistent', probability: 0.1 })).toMatchObject({
      relayed: 1,
      probability: 0.1,
    });
    expect(fixedSamplingStatus({ kind: 'off' }).relayed).toBeGreaterThan(0);
  });
});
