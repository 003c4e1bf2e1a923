import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, QueryResultMetaNotice } from '@grafana/data';
import { Alert, Icon, IconName, Tooltip, useStyles2 } from '@grafana/ui';
import React from 'react';

const SEVERITY_ICON: Record<QueryResultMetaNotice['severity'], IconName> = {
  info: 'info-circle',
  warning: 'exclamation-triangle',
  error: 'exclamation-circle',
};

/** Notices of every frame, each once (a query's frames often repeat the same notice). */
export function distinctNotices(frames: DataFrame[]): QueryResultMetaNotice[] {
  const seen = new Set<string>();
  const notices: QueryResultMetaNotice[] = [];
  for (const notice of frames.flatMap((frame) => frame.meta?.notices ?? [])) {
    const key = `${notice.severity}\u0000${notice.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      notices.push(notice);
    }
  }
  return notices;
}

/** Explore: a frame's notices above its visualisation, with the notice's link when it has one. */
export function FrameNotices({ frame, frames }: { frame?: DataFrame; frames?: DataFrame[] }) {
  const notices = distinctNotices(frames ?? (frame ? [frame] : []));
  return (
    <>
      {notices.map((notice) => (
        <Alert
          key={`${notice.severity}-${notice.text}`}
          severity={notice.severity}
          title={notice.text}
          data-testid="frame-notice"
        >
          {notice.link && <a href={notice.link}>{notice.link}</a>}
        </Alert>
      ))}
    </>
  );
}

/**
 * Dashboard: one icon per notice severity in the panel header, its text in a tooltip, as Grafana's
 * panel header shows frame notices.
 */
export function PanelNoticeIcons({ frames }: { frames: DataFrame[] }) {
  const styles = useStyles2(getStyles);
  const notices = distinctNotices(frames);
  const severities = (['error', 'warning', 'info'] as const).filter((severity) =>
    notices.some((notice) => notice.severity === severity)
  );
  return (
    <>
      {severities.map((severity) => {
        const text = notices
          .filter((notice) => notice.severity === severity)
          .map((notice) => notice.text)
          .join('\n');
        return (
          <Tooltip key={severity} content={<div className={styles.tooltip}>{text}</div>}>
            <button type="button" className={styles.icon} aria-label={text} data-testid="panel-notice">
              <Icon name={SEVERITY_ICON[severity]} />
            </button>
          </Tooltip>
        );
      })}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tooltip: css({ whiteSpace: 'pre-wrap', maxWidth: 420 }),
  icon: css({
    background: 'none',
    border: 'none',
    padding: theme.spacing(0, 0.5),
    color: theme.colors.text.secondary,
    cursor: 'help',
  }),
});
