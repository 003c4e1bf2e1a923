import { renderTable } from './table';

describe('renderTable', () => {
  it('pads each column to its widest cell: text left, numbers right, no trailing spaces', () => {
    expect(
      renderTable(
        [
          { header: 'service', align: 'left' },
          { header: 'p99', align: 'right' },
        ],
        [
          ['frontend', '1.05 s'],
          ['db', '850 µs'],
          ['auth-service-long', '12.3 ms'],
        ]
      )
    ).toBe(
      [
        'service                p99',
        'frontend            1.05 s',
        'db                  850 µs',
        'auth-service-long  12.3 ms',
        '',
      ].join('\n')
    );
  });

  it('counts code points, so non-ASCII names stay in line', () => {
    const out = renderTable(
      [
        { header: 'name', align: 'left' },
        { header: 'n', align: 'right' },
      ],
      [
        ['☃☃', '1'],
        ['ab', '22'],
      ]
    ).split('\n');
    expect(out[1]).toBe('☃☃     1');
    expect(out[2]).toBe('ab    22');
  });

  it('prints a header alone for no rows, and an empty cell for a missing one', () => {
    expect(renderTable([{ header: 'a', align: 'left' }], [])).toBe('a\n');
    expect(
      renderTable(
        [
          { header: 'a', align: 'left' },
          { header: 'b', align: 'right' },
        ],
        [['x']]
      )
    ).toBe('a  b\nx\n');
  });
});
