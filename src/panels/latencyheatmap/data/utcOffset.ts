import { dateTimeFormat } from '@grafana/data';

/** Minutes east of UTC as Grafana formats them (`+05:30`), in ms: where local round times fall. */
export function utcOffsetMs(ms: number, timeZone?: string): number {
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(dateTimeFormat(ms, { format: 'Z', timeZone }));
  if (!m) {
    return 0;
  }
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -minutes : minutes) * 60_000;
}
