import { KIND_WORDS, STATUS_WORDS } from '../../language/traceql';

/** The search builder's state; `toTraceQL` writes it as TraceQL and `fromTraceQL` reads it back. */
export type FilterOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~' | 'exists' | 'missing';

export const FILTER_OPERATORS: ReadonlyArray<{ value: FilterOperator; label: string }> = [
  { value: '=', label: '=' },
  { value: '!=', label: '!=' },
  { value: '>', label: '>' },
  { value: '>=', label: '>=' },
  { value: '<', label: '<' },
  { value: '<=', label: '<=' },
  { value: '=~', label: '=~ regex' },
  { value: '!~', label: '!~ not regex' },
  { value: 'exists', label: 'exists' },
  { value: 'missing', label: 'missing' },
];

/** How the value is written: quoted (string) or bare (the rest; keyword is a status or kind word). */
export type ValueType = 'string' | 'number' | 'bool' | 'duration' | 'keyword';

export interface AttributeFilter {
  /** A TraceQL field: `span.http.route`, `resource.k8s.pod.name`, `.x`, `kind`. */
  key: string;
  op: FilterOperator;
  /** The value as the user sees it (strings unquoted). */
  value: string;
  type: ValueType;
}

export type StatusChoice = '' | 'ok' | 'error' | 'unset';

/** Whether a duration bound includes the value itself: `duration > 100ms` and `>= 100ms` differ. */
export type MinDurationOp = '>' | '>=';
export type MaxDurationOp = '<' | '<=';

export interface BuilderModel {
  service: string;
  spanName: string;
  status: StatusChoice;
  /** Durations as TraceQL writes them (`100ms`); '' for no bound. */
  minDuration: string;
  minDurationOp: MinDurationOp;
  maxDuration: string;
  maxDurationOp: MaxDurationOp;
  filters: AttributeFilter[];
}

export const EMPTY_MODEL: BuilderModel = {
  service: '',
  spanName: '',
  status: '',
  minDuration: '',
  minDurationOp: '>=',
  maxDuration: '',
  maxDurationOp: '<=',
  filters: [],
};

/** Status and kind values are keywords in TraceQL, written without quotes. */
const KEYWORDS = new Set<string>([...STATUS_WORDS, ...KIND_WORDS]);

const DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w|y))+$/;

/** What a value typed into the builder most likely is; regexes are always strings. */
export function inferValueType(value: string, op: FilterOperator): ValueType {
  if (op === '=~' || op === '!~') {
    return 'string';
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) {
    return 'number';
  }
  if (value === 'true' || value === 'false') {
    return 'bool';
  }
  if (KEYWORDS.has(value)) {
    return 'keyword';
  }
  return DURATION.test(value) ? 'duration' : 'string';
}

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim());
}
