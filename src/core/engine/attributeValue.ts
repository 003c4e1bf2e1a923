/** Converts model attribute values into runtime values (the model keeps OTLP's types loosely). */
import type { AttributeValue } from '../model/types';
import { NIL, type Value, int } from './values';

export function fromAttribute(a: AttributeValue | undefined): Value {
  if (a === undefined) {
    return NIL;
  }
  switch (typeof a) {
    case 'string':
      return { t: 'string', v: a };
    case 'boolean':
      return { t: 'bool', v: a };
    case 'bigint':
      return int(a);
    case 'number':
      // The model does not keep OTLP's int/double distinction for integral doubles; both compare
      // the same way in TraceQL, so only the printed form of such a value can differ.
      return Number.isInteger(a) ? int(a) : { t: 'float', v: a };
    default:
      if (Array.isArray(a)) {
        return { t: 'array', v: a.map(fromAttribute) };
      }
      // Key-value lists have no TraceQL type; Tempo does not index them either.
      return NIL;
  }
}
