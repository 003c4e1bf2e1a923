import { css } from '@emotion/css';
import { GrafanaTheme2, locationUtil } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { MenuItem } from '../data/menuItems';
import { testIds } from '../selectors';
import { usePopupPlacement } from './usePopupPlacement';

interface Props {
  title: string;
  items: readonly MenuItem[];
  x: number;
  y: number;
  /** The panel area the menu must stay inside (Grafana clips anything beyond it). */
  width: number;
  height: number;
  onAction: (item: Extract<MenuItem, { kind: 'action' }>) => void;
  onClose: () => void;
}

const getStyles = (theme: GrafanaTheme2) => ({
  menu: css({
    position: 'absolute',
    zIndex: 3,
    minWidth: 240,
    maxWidth: 420,
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    padding: theme.spacing(0.5, 0),
  }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: theme.spacing(0.5, 1),
    fontWeight: theme.typography.fontWeightMedium,
    wordBreak: 'break-all',
  }),
  item: css({
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    background: 'none',
    border: 'none',
    color: theme.colors.text.primary,
    '&:hover': { background: theme.colors.action.hover },
  }),
  query: css({
    display: 'block',
    fontFamily: theme.typography.fontFamilyMonospace,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  note: css({
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});

/** Links and actions for the node or call the user clicked. */
export function ItemMenu({ title, items, x, y, width, height, onAction, onClose }: Props) {
  const styles = useStyles2(getStyles);
  const { attach, style } = usePopupPlacement<HTMLDivElement>({ x, y }, { width, height });
  return (
    <div ref={attach} className={styles.menu} style={style} role="menu" aria-label={title} data-testid={testIds.menu}>
      <div className={styles.header}>
        <span>{title}</span>
        <IconButton name="times" size="sm" aria-label="Close menu" onClick={onClose} />
      </div>
      {items.map((item) => {
        if (item.kind === 'link') {
          return (
            <a
              key={item.label}
              className={styles.item}
              role="menuitem"
              href={locationUtil.assureBaseUrl(item.href)}
              target="_blank"
              rel="noreferrer"
            >
              {item.label}
              {item.traceql && <code className={styles.query}>{item.traceql}</code>}
            </a>
          );
        }
        if (item.kind === 'action') {
          return (
            <button
              key={item.label}
              type="button"
              className={styles.item}
              role="menuitem"
              onClick={() => onAction(item)}
            >
              {item.label}
            </button>
          );
        }
        return (
          <div key={item.label} className={styles.note}>
            {item.label}
          </div>
        );
      })}
    </div>
  );
}
