import { css } from '@emotion/css';
import { GrafanaTheme2, PanelData, toDataFrameDTO } from '@grafana/data';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { FrameNotices } from '../components/FrameNotices';
import { TraceWaterfall } from './trace/TraceWaterfall';
import { isTraceFrame } from './trace/readTraceFrame';

interface Props {
  traceId: string;
  data: PanelData;
}

/**
 * What Explore's trace view shows for a trace-ID query: the waterfall drawn from the trace frame
 * (the same frame Grafana's trace view reads), its notices, and the raw frame for inspection.
 */
export function TracePane({ traceId, data }: Props) {
  const styles = useStyles2(getStyles);
  const frame = data.series.find(isTraceFrame);
  const json = useMemo(() => (frame ? JSON.stringify(toDataFrameDTO(frame), null, 2) : ''), [frame]);
  return (
    <section aria-labelledby="trace-heading" data-testid="trace-view" className={styles.section}>
      <h2 id="trace-heading">Trace {traceId}</h2>
      {data.state === 'Loading' && <LoadingPlaceholder text="Loading trace…" />}
      {data.error && (
        <Alert severity="error" title="Trace could not be loaded">
          {data.error.message}
        </Alert>
      )}
      {frame && <FrameNotices frame={frame} />}
      {frame && <TraceWaterfall frame={frame} />}
      {data.state === 'Done' && !data.error && !frame && (
        <Alert severity="warning" title="No trace frame">
          The data source answered without a frame whose preferred visualisation is &quot;trace&quot;.
        </Alert>
      )}
      {json && (
        <details data-testid="trace-json">
          <summary>Trace frame as JSON</summary>
          <pre className={styles.pre} tabIndex={0} aria-label={`Trace frame for ${traceId} as JSON`}>
            {json}
          </pre>
        </details>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  pre: css({
    maxHeight: 480,
    overflow: 'auto',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.secondary,
    padding: theme.spacing(1),
  }),
});
