import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import React, { useEffect, useState } from 'react';

import { queryErrorMessage } from '../query/errors';
import { labels } from '../labels';
import { selectors } from '../selectors';

interface Props {
  query: string;
  explain: (query: string) => Promise<string>;
}

type Result = { query: string } & ({ kind: 'done'; text: string } | { kind: 'error'; message: string });

/** What runs on the backend and what in the browser, from the core's planner, in plain words. */
export function ExplainPanel({ query, explain }: Props) {
  const styles = useStyles2(getStyles);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const empty = query.trim() === '';
  useEffect(() => {
    if (empty) {
      return;
    }
    let live = true;
    explain(query).then(
      (text) => live && setResult({ query, kind: 'done', text }),
      (err: unknown) => live && setResult({ query, kind: 'error', message: queryErrorMessage(err) })
    );
    return () => {
      live = false;
    };
  }, [query, empty, explain]);
  // A result for an older text is not shown: the user is looking at the new one.
  const current = result?.query === query ? result : undefined;
  return (
    <div data-testid={selectors.query.explain} aria-label={labels.query.explainTitle}>
      {empty && <pre className={styles.pre}>{labels.query.explainEmpty}</pre>}
      {!empty && current?.kind === 'error' && <Alert severity="error" title={current.message} />}
      {!empty && current?.kind === 'done' && <pre className={styles.pre}>{current.text}</pre>}
      {!empty && !current && <span>…</span>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  pre: css({ whiteSpace: 'pre-wrap', fontSize: theme.typography.bodySmall.fontSize, margin: theme.spacing(1, 0) }),
});
