import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { CodeEditor, useStyles2, type Monaco, type MonacoEditor } from '@grafana/ui';
import React, { useEffect, useMemo, useRef } from 'react';

import { checkTraceQL } from '../language/traceql';
import { maskTemplateVariables } from '../language/maskVariables';
import { labels } from '../labels';
import { selectors } from '../selectors';
import type { CompletionSource } from './completion';
import { registerCompletion } from './monaco/completionProvider';
import { toMarker } from './monaco/markers';
import { registerTraceQL, TRACEQL_LANGUAGE_ID } from './monaco/registerTraceQL';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onRunQuery: () => void;
  completionSource: CompletionSource;
}

const MARKER_OWNER = 'tracelens-traceql';

/** Problems in the text, with template variables masked (they are interpolated at run time). */
export function useDiagnostics(value: string) {
  return useMemo(() => (value.trim() === '' ? [] : checkTraceQL(maskTemplateVariables(value)).diagnostics), [value]);
}

/**
 * The TraceQL code editor: Grafana's Monaco CodeEditor with our highlighting, autocomplete and
 * error markers; Shift+Enter runs the query. Errors are also listed as text under the editor.
 */
export function TraceQLField({ value, onChange, onRunQuery, completionSource }: Props) {
  const styles = useStyles2(getStyles);
  const diagnostics = useDiagnostics(value);
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const disposables = useRef<Array<{ dispose(): void }>>([]);
  // Monaco commands outlive renders; they read the latest props through refs.
  const latest = useRef({ onChange, onRunQuery, completionSource });
  useEffect(() => {
    latest.current = { onChange, onRunQuery, completionSource };
  });

  useEffect(() => {
    const model = editorRef.current?.getModel();
    const monaco = monacoRef.current;
    if (model && monaco) {
      const text = model.getValue();
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        diagnostics.map((d) => ({ ...toMarker(text, d), severity: monaco.MarkerSeverity.Error }))
      );
    }
  }, [diagnostics]);

  useEffect(() => () => disposables.current.forEach((d) => d.dispose()), []);

  const onEditorDidMount = (editor: MonacoEditor, monaco: Monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => {
      latest.current.onChange(editor.getValue());
      latest.current.onRunQuery();
    });
    disposables.current.push(registerCompletion(monaco, editor, () => latest.current.completionSource));
  };

  return (
    <div data-testid={selectors.query.editor} className={styles.wrapper}>
      <CodeEditor
        value={value}
        language={TRACEQL_LANGUAGE_ID}
        height={Math.min(200, 30 + 19 * value.split('\n').length)}
        showLineNumbers={false}
        showMiniMap={false}
        onBeforeEditorMount={registerTraceQL}
        onEditorDidMount={onEditorDidMount}
        onChange={(v) => onChange(v)}
        onBlur={(v) => onChange(v)}
        monacoOptions={{
          wordWrap: 'on',
          lineNumbers: 'off',
          scrollBeyondLastLine: false,
          fixedOverflowWidgets: true,
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          folding: false,
          suggest: { showWords: false },
        }}
      />
      <div className={styles.hint}>{labels.query.run}</div>
      {diagnostics.length > 0 && (
        <ul
          data-testid={selectors.query.errors}
          role="alert"
          aria-label={labels.query.parseErrorTitle}
          className={styles.errors}
        >
          {diagnostics.map((d, i) => (
            <li key={i}>{`Line ${d.line}, column ${d.column}: ${d.message}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ width: '100%' }),
  hint: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  errors: css({
    color: theme.colors.error.text,
    fontSize: theme.typography.bodySmall.fontSize,
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0, 0),
    padding: 0,
  }),
});
