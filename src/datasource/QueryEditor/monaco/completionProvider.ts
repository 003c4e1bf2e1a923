import type { Monaco, MonacoEditor, monacoTypes } from '@grafana/ui';

import { getCompletions, type CompletionKind, type CompletionSource } from '../completion';
import { TRACEQL_LANGUAGE_ID } from './registerTraceQL';

function kindOf(monaco: Monaco, kind: CompletionKind): monacoTypes.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'scope':
      return K.Module;
    case 'intrinsic':
      return K.Property;
    case 'attribute':
      return K.Field;
    case 'operator':
      return K.Operator;
    case 'value':
      return K.Value;
    case 'keyword':
      return K.Keyword;
    case 'function':
      return K.Function;
    case 'snippet':
      return K.Snippet;
  }
}

/**
 * Autocomplete for one editor (providers are global per language, so it answers only for its own
 * model). The suggestions come from the pure `getCompletions`.
 */
export function registerCompletion(
  monaco: Monaco,
  editor: MonacoEditor,
  source: () => CompletionSource
): { dispose(): void } {
  return monaco.languages.registerCompletionItemProvider(TRACEQL_LANGUAGE_ID, {
    triggerCharacters: ['.', ' ', '"', '{', '|', ':'],
    provideCompletionItems: async (model, position) => {
      if (model.id !== editor.getModel()?.id) {
        return { suggestions: [] };
      }
      const { items, replaceFrom } = await getCompletions(model.getValue(), model.getOffsetAt(position), source());
      const start = model.getPositionAt(replaceFrom);
      const range = {
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      };
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          insertText: item.insertText,
          // Match against what is typed, quote included, so `"fr` finds `"frontend"`.
          filterText: item.insertText,
          kind: kindOf(monaco, item.kind),
          detail: item.detail,
          sortText: String(i).padStart(5, '0'),
          range,
        })),
      };
    },
  });
}
