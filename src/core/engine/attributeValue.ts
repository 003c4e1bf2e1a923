/** Converts model attribute values into runtime values (the model keeps OTLP's types loosely). */
import type { AttributeValue } from '../model/types';
import { WholeDouble } from '../model/wholeDouble';
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
      // A whole double arrives as a WholeDouble, so a whole number here was sent as an int.
      return Number.isInteger(a) ? int(a) : { t: 'float', v: a };
    default:
      if (a instanceof WholeDouble) {
        return { t: 'float', v: a.value };
      }
      if (Array.isArray(a)) {
        return { t: 'array', v: a.map(fromAttribute) };
      }
      // Key-value lists have no TraceQL type; Tempo does not index them either.
      return NIL;
  }
}
