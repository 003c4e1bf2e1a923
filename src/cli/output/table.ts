/**
 * Plain-text tables for terminals: every column padded to its widest cell, numbers right-aligned
 * so digits and units line up, text left-aligned. Width counts code points, so a name with
 * non-ASCII letters does not push its row out of line.
 */
export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
}

const width = (s: string) => Array.from(s).length;

function pad(s: string, w: number, align: Column['align']): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/** The table with a header row; trailing spaces are trimmed from every line. */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i], c.align))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}
