import { WholeDouble } from '../../core/model/wholeDouble';
import { attributeText, displayAttribute, displayPairs } from './values';

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
