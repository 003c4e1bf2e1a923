import { base64ToHex, hexToBase64, normalizeSpanId, normalizeTraceId } from './ids';

describe('trace and span ids', () => {
  it('decodes Tempo base64 ids to lowercase hex', () => {
    expect(normalizeTraceId('W47/95gDgQPSabYzgT/HAA==')).toBe('5b8efff798038103d269b633813fc700');
    expect(normalizeSpanId('7uGbfsPBsQA=')).toBe('eee19b7ec3c1b100');
  });

  it('keeps hex ids, lowercases them and left-pads short Jaeger ids', () => {
    expect(normalizeTraceId('ABCDEF0123456789ABCDEF0123456789')).toBe('abcdef0123456789abcdef0123456789');
    expect(normalizeTraceId('0000000000000001')).toBe('00000000000000000000000000000001');
    expect(normalizeTraceId('1f')).toBe('0000000000000000000000000000001f');
    expect(normalizeSpanId('2')).toBe('0000000000000002');
  });

  it('accepts URL-safe and unpadded base64', () => {
    expect(normalizeTraceId('W47_95gDgQPSabYzgT_HAA')).toBe('5b8efff798038103d269b633813fc700');
  });

  it('rejects text that is neither hex nor base64 of a whole id', () => {
    expect(normalizeTraceId('')).toBeNull();
    expect(normalizeTraceId('not an id!')).toBeNull();
    expect(normalizeTraceId('xx')).toBeNull();
    expect(normalizeSpanId('0123456789abcdef0')).toBeNull();
    expect(normalizeTraceId('0123456789abcdef0123456789abcdef0')).toBeNull();
  });

  it('round-trips hex through base64', () => {
    for (const hex of [
      '',
      '00',
      'ff',
      'abcd',
      'abcdef01',
      '5b8efff798038103d269b633813fc700',
      'eee19b7ec3c1b100',
      'abcdef',
    ]) {
      const b64 = hexToBase64(hex);
      expect(b64).not.toBeNull();
      expect(base64ToHex(b64 as string)).toBe(hex);
    }
    expect(hexToBase64('5b8efff798038103d269b633813fc700')).toBe('W47/95gDgQPSabYzgT/HAA==');
  });

  it('refuses odd-length or non-hex input to hexToBase64', () => {
    expect(hexToBase64('abc')).toBeNull();
    expect(hexToBase64('zz')).toBeNull();
  });
});
