/** Reading intrinsics (`span:duration`, `trace:rootService`, `event:name`, ...) from a span. */
import type { IntrinsicName } from '../traceql/ast';
import type { CompiledField } from './evalContext';
import { toUnixNanos } from '../model/table';
import { SPAN_KINDS, STATUS_CODES } from '../model/types';
import { NIL, type Value, int } from './values';

const str = (v: string): Value => ({ t: 'string', v });
const optStr = (v: string): Value => (v === '' ? NIL : str(v));

export function compileIntrinsic(name: IntrinsicName): CompiledField {
  switch (name) {
    case 'span:name':
      return (c) => str(c.ix.table.name[c.i]);
    case 'span:duration':
      return (c) => ({ t: 'duration', v: c.ix.table.durationNanos[c.i] });
    case 'span:status':
      return (c) => ({ t: 'status', v: STATUS_CODES[c.ix.table.status[c.i]] });
    case 'span:statusMessage':
      return (c) => str(c.ix.table.statusMessage[c.i]);
    case 'span:kind':
      return (c) => ({ t: 'kind', v: SPAN_KINDS[c.ix.table.kind[c.i]] });
    case 'span:id':
      return (c) => str(c.ix.table.spanId[c.i]);
    case 'span:parentID':
    case 'parent':
      // The legacy `parent` intrinsic reads as the parent's id, so `{ parent = nil }` finds roots.
      return (c) => optStr(c.ix.table.parentSpanId[c.i]);
    case 'span:childCount':
      return (c) => int(c.ix.childCount[c.i]);
    case 'trace:duration':
      return (c) => ({ t: 'duration', v: c.ix.durationNanos });
    case 'trace:rootName':
      return (c) => (c.ix.root < 0 ? NIL : str(c.ix.table.name[c.ix.root]));
    case 'trace:rootService':
      return (c) => (c.ix.root < 0 ? NIL : str(c.ix.table.resource[c.ix.root].serviceName));
    case 'trace:id':
      return (c) => str(c.ix.trace.traceId);
    case 'event:name':
      return (c) => (c.ev === null ? NIL : str(c.ev.name));
    case 'event:timeSinceStart':
      return (c) =>
        c.ev === null
          ? NIL
          : {
              t: 'duration',
              v: Number(c.ev.timeUnixNano - toUnixNanos(c.ix.table.startSeconds[c.i], c.ix.table.startNanos[c.i])),
            };
    case 'link:traceID':
      return (c) => (c.ln === null ? NIL : str(c.ln.traceId));
    case 'link:spanID':
      return (c) => (c.ln === null ? NIL : str(c.ln.spanId));
    case 'instrumentation:name':
      return (c) => optStr(c.ix.table.scope[c.i].name);
    case 'instrumentation:version':
      return (c) => optStr(c.ix.table.scope[c.i].version);
    case 'nestedSetLeft':
      return (c) => int(c.ix.left[c.i]);
    case 'nestedSetRight':
      return (c) => int(c.ix.right[c.i]);
    case 'nestedSetParent':
      return (c) => int(c.ix.nestedParent[c.i]);
  }
}

export function intrinsicScope(name: IntrinsicName): 'event' | 'link' | 'other' {
  if (name.startsWith('event:')) {
    return 'event';
  }
  return name.startsWith('link:') ? 'link' : 'other';
}
