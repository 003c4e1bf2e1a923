import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

/**
 * Tables that fit any panel width: the wrapper scrolls sideways instead of the panel cutting the
 * right-hand columns off, and the first column (the service, the rate) stays in view while it does.
 * Headers wrap so columns are no wider than their values.
 */
export const scrollTableStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto', maxWidth: '100%' }),
  table: css({
    width: '100%',
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      whiteSpace: 'nowrap',
    },
    'thead th': {
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
      whiteSpace: 'normal',
      verticalAlign: 'bottom',
      minWidth: 56,
    },
    'tr > :first-child': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      background: theme.colors.background.primary,
      borderRight: `1px solid ${theme.colors.border.weak}`,
    },
  }),
});
