import { GUIDE_EXAMPLES } from './examples';

describe('guide examples', () => {
  it('has a title, description and a braced TraceQL query for each example', () => {
    expect(GUIDE_EXAMPLES.length).toBeGreaterThanOrEqual(5);
    for (const e of GUIDE_EXAMPLES) {
      expect(e.title).not.toBe('');
      expect(e.description).not.toBe('');
      expect(e.query.trim().startsWith('{')).toBe(true);
    }
  });
});
