import type { TraceToLogsOptionsV2 } from '../types';
import {
  escapeLogQLString,
  escapeLuceneField,
  escapeLucenePhrase,
  logQLString,
  lucenePhrase,
  toLokiLabelName,
} from './escape';
import { languageFor, quotedEscaperFor } from './languages';
import { parseTimeShift } from './timeShift';
import type { LogsLanguage, LogsLinkContext, LogsQueryResult } from './types';

/** Grafana's defaults when no tags are mapped, so links work before anyone configures them. */
export const DEFAULT_LOGS_TAGS: ReadonlyArray<{ key: string; value?: string }> = [
  { key: 'cluster' },
  { key: 'hostname' },
  { key: 'namespace' },
  { key: 'pod' },
  { key: 'service.name', value: 'service_name' },
  { key: 'service.namespace', value: 'service_namespace' },
];

export interface ResolvedTag {
  /** Label or field name in the logs store. */
  name: string;
  value: string;
}

/** A tag mapping with its name in the logs store settled once, not per span. */
interface Mapping {
  key: string;
  name: string;
}

function mappingsOf(options: TraceToLogsOptionsV2): Mapping[] {
  const mappings = options.tags && options.tags.length > 0 ? options.tags : DEFAULT_LOGS_TAGS;
  return mappings
    .filter(({ key }) => key !== '')
    .map(({ key, value }) => ({ key, name: value && value.trim() !== '' ? value.trim() : key }));
}

function resolveTags(mappings: readonly Mapping[], ctx: LogsLinkContext): ResolvedTag[] {
  const out: ResolvedTag[] = [];
  for (const { key, name } of mappings) {
    const v = ctx.attributes[key];
    if (v !== undefined && v !== '') {
      out.push({ name, value: v });
    }
  }
  return out;
}

/**
 * A trace-level link always filters by trace id: that is its whole point. A service-level link has
 * no trace to filter by: it asks for the service's logs over the range.
 */
function wantsTraceFilter(
  options: TraceToLogsOptionsV2,
  ctx: LogsLinkContext
): ctx is LogsLinkContext & { traceId: string } {
  return ctx.traceId !== undefined && (ctx.spanId === undefined || options.filterByTraceID === true);
}

function wantsSpanFilter(
  options: TraceToLogsOptionsV2,
  ctx: LogsLinkContext
): ctx is LogsLinkContext & { spanId: string } {
  return ctx.spanId !== undefined && options.filterBySpanID === true;
}

/** Writes a query's text for one span or trace; the range is added by the builder. */
type TextOf = (ctx: LogsLinkContext, tags: ResolvedTag[]) => { ok: true; text: string } | { ok: false; reason: string };

function lokiText(options: TraceToLogsOptionsV2): TextOf {
  const reason = noTagsReason(options);
  const labels = new Map<string, string>();
  const label = (name: string) => {
    let l = labels.get(name);
    if (l === undefined) {
      l = toLokiLabelName(name);
      labels.set(name, l);
    }
    return l;
  };
  const structured = options.lokiFilterMode === 'structuredMetadata';
  const filter = (name: string, id: string) =>
    structured ? ` | ${name}=${logQLString(id)}` : ` |= ${logQLString(id)}`;
  return (ctx, tags) => {
    if (tags.length === 0) {
      return { ok: false, reason };
    }
    let text = '{';
    for (let i = 0; i < tags.length; i++) {
      text += `${i > 0 ? ', ' : ''}${label(tags[i].name)}=${logQLString(tags[i].value)}`;
    }
    text += '}';
    if (wantsTraceFilter(options, ctx)) {
      text += filter('trace_id', ctx.traceId);
    }
    if (wantsSpanFilter(options, ctx)) {
      text += filter('span_id', ctx.spanId);
    }
    return { ok: true, text };
  };
}

function luceneText(options: TraceToLogsOptionsV2): TextOf {
  return (ctx, tags) => {
    const clauses = tags.map((t) => `${escapeLuceneField(t.name)}:${lucenePhrase(t.value)}`);
    if (wantsTraceFilter(options, ctx)) {
      clauses.push(`trace_id:${lucenePhrase(ctx.traceId)}`);
    }
    if (wantsSpanFilter(options, ctx)) {
      clauses.push(`span_id:${lucenePhrase(ctx.spanId)}`);
    }
    // An empty Lucene query is invalid in Elasticsearch; `*` asks for every document in range.
    return { ok: true, text: clauses.length > 0 ? clauses.join(' AND ') : '*' };
  };
}

function noTagsReason(options: TraceToLogsOptionsV2): string {
  const keys = (options.tags && options.tags.length > 0 ? options.tags : DEFAULT_LOGS_TAGS)
    .map((t) => t.key)
    .join(', ');
  return `Loki needs a stream selector, and none of the mapped tags (${keys}) is on this span`;
}

/** `${__span.tags["k"]}` and `${__span.tags.k}` as well as the plain variables. */
const TEMPLATE_VAR = /\$\{(__(?:span|trace|tags)[A-Za-z.]*)(?:\["((?:[^"\\]|\\.)*)"\])?\}/g;

/** Thrown inside interpolation when a value cannot be written safely; buildLogsQuery reports it. */
class Unwritable {
  constructor(readonly reason: string) {}
}

function stringContentEscaper(language: LogsLanguage, targetType: string): (v: string, what: string) => string {
  switch (language) {
    case 'logql':
      return escapeLogQLString;
    case 'lucene':
      return escapeLucenePhrase;
    case 'custom-only': {
      const escape = quotedEscaperFor(targetType);
      return (v, what) => {
        const written = escape(v);
        if (written === undefined) {
          throw new Unwritable(`${what} holds characters that cannot be written safely into a ${targetType} query`);
        }
        return written;
      };
    }
  }
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function tagsExpansion(language: LogsLanguage, targetType: string, tags: ResolvedTag[]): string {
  switch (language) {
    case 'logql':
      return tags.map((t) => `${toLokiLabelName(t.name)}=${logQLString(t.value)}`).join(', ');
    case 'lucene':
      return tags.map((t) => `${escapeLuceneField(t.name)}:${lucenePhrase(t.value)}`).join(' AND ');
    case 'custom-only': {
      const esc = stringContentEscaper(language, targetType);
      return tags
        .map((t) => {
          if (!FIELD_NAME.test(t.name)) {
            throw new Unwritable(`the mapped name ${JSON.stringify(t.name)} is not a plain field name`);
          }
          return `${t.name}="${esc(t.value, `tag ${t.name}`)}"`;
        })
        .join(', ');
    }
  }
}

/** Trace and span ids go into queries unquoted or unescaped, so they must be what they claim: hex. */
function hexId(id: string | undefined, what: string): string {
  if (id === undefined) {
    throw new Unwritable(`the custom query uses the ${what}, and a link for a whole service has none`);
  }
  if (!/^[0-9a-fA-F]+$/.test(id)) {
    throw new Unwritable(`the ${what} is not hexadecimal`);
  }
  return id;
}

/**
 * Fills a custom query. Tag values and names are escaped for use inside a double-quoted string of
 * the target language (that is where users put them); ids are hex and go in as they are. Unknown
 * `${...}` variables are left for Grafana's template service (dashboard variables).
 */
export function interpolateCustomQuery(
  template: string,
  language: LogsLanguage,
  ctx: LogsLinkContext,
  tags: ResolvedTag[],
  targetType = ''
): string {
  const esc = stringContentEscaper(language, targetType);
  return template.replace(TEMPLATE_VAR, (whole: string, name: string, quotedKey: string | undefined) => {
    if (name === '__tags') {
      return tagsExpansion(language, targetType, tags);
    }
    const tagPrefix = '__span.tags';
    if (name.startsWith(tagPrefix)) {
      const key = quotedKey !== undefined ? quotedKey.replace(/\\(.)/g, '$1') : name.slice(tagPrefix.length + 1);
      const v = ctx.attributes[key];
      return v === undefined ? '' : esc(v, `span tag ${key}`);
    }
    switch (name) {
      case '__span.traceId':
      case '__trace.traceId':
        return hexId(ctx.traceId, 'trace id');
      case '__span.spanId':
        return ctx.spanId === undefined ? '' : hexId(ctx.spanId, 'span id');
      case '__span.name':
        return esc(ctx.spanName ?? '', 'the span name');
      case '__span.duration':
        return String(Math.max(0, ctx.endMs - ctx.startMs));
      case '__trace.name':
        return esc(ctx.traceName ?? '', 'the trace name');
      case '__trace.duration':
        return String(ctx.traceDurationMs ?? Math.max(0, ctx.endMs - ctx.startMs));
      default:
        return whole;
    }
  });
}

function customText(options: TraceToLogsOptionsV2, language: LogsLanguage, targetType: string): TextOf {
  const template = (options.query ?? '').trim();
  if (template === '') {
    return () => ({ ok: false, reason: 'custom query is on but empty' });
  }
  return (ctx, tags) => {
    try {
      return { ok: true, text: interpolateCustomQuery(template, language, ctx, tags, targetType) };
    } catch (e) {
      if (e instanceof Unwritable) {
        return { ok: false, reason: e.reason };
      }
      throw e;
    }
  };
}

function textOf(options: TraceToLogsOptionsV2, language: LogsLanguage, targetType: string): TextOf {
  if (options.customQuery) {
    return customText(options, language, targetType);
  }
  switch (language) {
    case 'logql':
      return lokiText(options);
    case 'lucene':
      return luceneText(options);
    case 'custom-only': {
      const reason = `links to ${targetType} need a custom query`;
      return () => ({ ok: false, reason });
    }
  }
}

/**
 * The logs query for each span or trace, in the language of the target data source, or why there
 * is none (so the caller can leave the link out rather than send a query that cannot work). What
 * depends only on the settings (language, tag names, time shifts) is settled once, so a table of
 * thousands of rows pays per row only for its own values.
 */
export function logsQueryBuilder(
  options: TraceToLogsOptionsV2,
  targetType: string
): (ctx: LogsLinkContext) => LogsQueryResult {
  const language = languageFor(targetType);
  const mappings = mappingsOf(options);
  const text = textOf(options, language, targetType);
  const startShift = parseTimeShift(options.spanStartTimeShift);
  const endShift = parseTimeShift(options.spanEndTimeShift);
  return (ctx) => {
    const t = text(ctx, resolveTags(mappings, ctx));
    if (!t.ok) {
      return t;
    }
    // A query that cannot be written is the first thing to fix, so its reason wins over a bad shift.
    if (startShift === undefined) {
      return {
        ok: false,
        reason: `span start time shift "${options.spanStartTimeShift}" is not a duration such as -1m`,
      };
    }
    if (endShift === undefined) {
      return { ok: false, reason: `span end time shift "${options.spanEndTimeShift}" is not a duration such as 1m` };
    }
    const fromMs = Math.floor(ctx.startMs + startShift);
    // Logs stores need a non-empty range; a zero-length span still gets one millisecond.
    const toMs = Math.max(Math.ceil(ctx.endMs + endShift), fromMs + 1);
    return { ok: true, value: { text: t.text, fromMs, toMs } };
  };
}

/**
 * Whether logsQueryBuilder gives `ctx` a query, without writing it: a search table asks this of
 * every spanset before it offers a logs link there, and writes URLs only for the rows a user opens.
 * A query can be refused only for these reasons: a shift that does not parse; a Loki query without
 * a mapped tag on the span (the stream selector would be empty); a target whose language we do not
 * know, without a custom query; and a custom query, which may refuse a value it cannot write
 * safely, so it is written to find out.
 */
export function logsQueryCheck(options: TraceToLogsOptionsV2, targetType: string): (ctx: LogsLinkContext) => boolean {
  if (
    parseTimeShift(options.spanStartTimeShift) === undefined ||
    parseTimeShift(options.spanEndTimeShift) === undefined
  ) {
    return () => false;
  }
  if (options.customQuery) {
    const build = logsQueryBuilder(options, targetType);
    return (ctx) => build(ctx).ok;
  }
  switch (languageFor(targetType)) {
    case 'logql': {
      const keys = mappingsOf(options).map((m) => m.key);
      return (ctx) => keys.some((key) => ctx.attributes[key] !== undefined && ctx.attributes[key] !== '');
    }
    case 'lucene':
      return () => true;
    case 'custom-only':
      return () => false;
  }
}

/** The logs query for one span or trace (logsQueryBuilder for a single row). */
export function buildLogsQuery(
  options: TraceToLogsOptionsV2,
  targetType: string,
  ctx: LogsLinkContext
): LogsQueryResult {
  return logsQueryBuilder(options, targetType)(ctx);
}
