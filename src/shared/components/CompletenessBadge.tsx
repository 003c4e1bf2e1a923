import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Tooltip, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { CompletenessMeta } from '../frames/completeness';

/** Test id shared by the panels' component tests and the browser tests. */
export const COMPLETENESS_BADGE_TEST_ID = 'tracelens-completeness-badge';

const getStyles = (theme: GrafanaTheme2) => ({
  badge: css({
    display: 'inline-block',
    padding: theme.spacing(0.25, 1),
    borderRadius: theme.shape.radius.default,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: theme.typography.bodySmall.lineHeight,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '100%',
  }),
  lowerBound: css({
    background: theme.colors.warning.transparent,
    border: `1px solid ${theme.colors.warning.border}`,
    color: theme.colors.warning.text,
  }),
  reading: css({
    background: theme.colors.info.transparent,
    border: `1px solid ${theme.colors.info.border}`,
    color: theme.colors.info.text,
  }),
});

/**
 * Says, inside the panel, that its numbers do not cover every trace in the window: a lower bound
 * (budget reached, a slice failed) or a partial result while the window is still being read. The
 * tooltip has the whole sentence: what was read, why it stopped, which time ranges were covered.
 * Renders nothing when the numbers are complete or the frames say nothing either way.
 */
export function CompletenessBadge({ meta }: { meta: CompletenessMeta | undefined }) {
  const styles = useStyles2(getStyles);
  if (!meta || meta.complete || !meta.badge) {
    return null;
  }
  return (
    <Tooltip content={meta.text} placement="bottom">
      <span
        className={`${styles.badge} ${meta.inProgress ? styles.reading : styles.lowerBound}`}
        data-testid={COMPLETENESS_BADGE_TEST_ID}
        role="status"
        aria-label={meta.text}
        tabIndex={0}
      >
        {meta.badge}
      </span>
    </Tooltip>
  );
}
