import { css } from '@emotion/css';
import { GrafanaTheme2, PanelData, toDataFrameDTO } from '@grafana/data';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

interface Props {
  traceId: string;
  data: PanelData;
}

/** The trace frame as JSON: what Grafana's trace view would receive from the data source. */
export function TraceJson({ traceId, data }: Props) {
  const styles = useStyles2(getStyles);
  const json = useMemo(() => {
    const traceFrames = data.series.filter((frame) => frame.meta?.preferredVisualisationType === 'trace');
    const frames = traceFrames.length > 0 ? traceFrames : data.series;
    return frames.length > 0
      ? JSON.stringify(
          frames.map((frame) => toDataFrameDTO(frame)),
          null,
          2
        )
      : '';
  }, [data.series]);
  return (
    <section aria-labelledby="trace-json-heading" data-testid="trace-json">
      <h3 id="trace-json-heading">Trace {traceId}</h3>
      {data.state === 'Loading' && <LoadingPlaceholder text="Loading trace…" />}
      {data.error && (
        <Alert severity="error" title="Trace could not be loaded">
          {data.error.message}
        </Alert>
      )}
      {json && (
        <pre className={styles.pre} tabIndex={0} aria-label={`Trace frame for ${traceId} as JSON`}>
          {json}
        </pre>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  pre: css({
    maxHeight: 480,
    overflow: 'auto',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.secondary,
    padding: theme.spacing(1),
  }),
});
