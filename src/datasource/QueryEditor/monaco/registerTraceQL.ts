import type { Monaco } from '@grafana/ui';

import { highlightLine } from './highlight';

export const TRACEQL_LANGUAGE_ID = 'tracelens-traceql';

const registered = new WeakSet<object>();

/** Registers the language and its highlighting once per Monaco instance. */
export function registerTraceQL(monaco: Monaco): void {
  if (registered.has(monaco)) {
    return;
  }
  registered.add(monaco);
  monaco.languages.register({ id: TRACEQL_LANGUAGE_ID });
  monaco.languages.setLanguageConfiguration(TRACEQL_LANGUAGE_ID, {
    brackets: [
      ['{', '}'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
  });
  // Line by line with our own lexer: queries are short, and the lexer never throws.
  const state = { clone: () => state, equals: () => true };
  monaco.languages.setTokensProvider(TRACEQL_LANGUAGE_ID, {
    getInitialState: () => state,
    tokenize: (line: string) => ({ tokens: highlightLine(line), endState: state }),
  });
}
