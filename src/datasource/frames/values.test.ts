import { WholeDouble } from '../../core/model/wholeDouble';
import { attributeText, displayAttribute, displayPairs, nanosToMs } from './values';

describe('attribute values for display', () => {
  it('shows a whole double as its number, not as JSON of the wrapper', () => {
    expect(displayAttribute(new WholeDouble(2))).toBe(2);
    expect(attributeText(new WholeDouble(-3))).toBe('-3');
  });

  it('copies a pair list holding a whole double, with the number in its place', () => {
    const pairs = [
      { key: 'a', value: 'x' },
      { key: 'b', value: new WholeDouble(2) },
      { key: 'c', value: 9007199254740993n },
    ];
    expect(displayPairs(pairs)).toEqual([
      { key: 'a', value: 'x' },
      { key: 'b', value: 2 },
      { key: 'c', value: '9007199254740993' },
    ]);
  });

  it('returns a list of plain values as it is', () => {
    const pairs = [
      { key: 'a', value: 'x' },
      { key: 'b', value: 2.5 },
    ];
    expect(displayPairs(pairs)).toBe(pairs);
  });
});

describe('nanoseconds since the epoch as milliseconds', () => {
  /** The BigInt split the digit-string path must agree with. */
  const viaBigInt = (text: string) => Number(BigInt(text) / 1_000_000n) + Number(BigInt(text) % 1_000_000n) / 1e6;

  it.each([
    '1764070000123456789',
    '1764070000000000000',
    '1764070000999999999',
    '9007199254740993000001',
    '0000001',
    '1234567',
    '1000000',
  ])('%s is what the exact split gives', (text) => {
    expect(Object.is(nanosToMs(text), viaBigInt(text))).toBe(true);
  });

  it('reads short, numeric, bigint and hex forms, and nothing else', () => {
    expect(nanosToMs('123456')).toBe(0.123456);
    expect(nanosToMs(1_500_000)).toBe(1.5);
    expect(nanosToMs(2_000_000n)).toBe(2);
    expect(nanosToMs('0x10')).toBe(16 / 1e6);
    expect(nanosToMs('12ab')).toBeUndefined();
    expect(nanosToMs('')).toBeUndefined();
    expect(nanosToMs(undefined)).toBeUndefined();
  });
});
