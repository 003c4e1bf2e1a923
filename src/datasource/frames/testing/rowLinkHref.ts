import type { DataFrame, DataLink, Field } from '@grafana/data';

/**
 * The href a URL (not internal) data link gives one row, reading the row's values the way Grafana's
 * link supplier does for the macros our frames use: `${__value.raw}` is the cell's own value and
 * `${__data.fields.name}` (`:raw` or not) another field's value in the same row; a link with
 * `onBuildUrl` is asked for its URL with those macros resolved for the row. For tests, which check
 * the link a user would open without a Grafana page.
 */
export function rowLinkHref(frame: DataFrame, field: Field, link: DataLink, row: number): string {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const replaceVariables = (template: string) =>
    template
      .replace(/\$\{__value\.raw\}/g, () => text(field.values[row]))
      .replace(/\$\{__data\.fields\.([A-Za-z0-9_]+)(?::raw)?\}/g, (_whole: string, name: string) =>
        text(frame.fields.find((f) => f.name === name)?.values[row])
      );
  return link.onBuildUrl ? link.onBuildUrl({ origin: field, replaceVariables }) : replaceVariables(link.url);
}

/** Every row's href for each URL link of `field`, by link title. */
export function urlLinkHrefs(frame: DataFrame, field: Field): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const link of field.config.links ?? []) {
    if (!link.internal) {
      out[link.title] = Array.from({ length: field.values.length }, (_, row) => rowLinkHref(frame, field, link, row));
    }
  }
  return out;
}
