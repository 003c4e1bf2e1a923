import { ByteBudget, formatLimit, megabytes, responseTooLarge } from './limits';

describe('response limits', () => {
  it('counts bytes and says when the limit is passed, not when it is reached', () => {
    const b = new ByteBudget(10);
    expect(b.add(6)).toBe(true);
    expect(b.add(4)).toBe(true);
    expect(b.add(1)).toBe(false);
    expect(b.bytes).toBe(11);
  });

  it('writes limits in MB', () => {
    expect(formatLimit(megabytes(256))).toBe('256 MB');
    expect(formatLimit(megabytes(0.5))).toBe('0.5 MB');
    expect(formatLimit(1000)).toBe('0.000954 MB');
  });

  it('names the URL, the limit and which count crossed it', () => {
    expect(responseTooLarge('http://h/x', megabytes(2), 'received')).toMatchObject({
      kind: 'too-large',
      message: 'response from http://h/x exceeds 2 MB',
    });
    expect(responseTooLarge('http://h/x', megabytes(2), 'inflated').message).toMatch(/exceeds 2 MB once decompressed/);
  });
});
