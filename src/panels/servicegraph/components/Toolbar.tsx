import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, IconButton, Input, useStyles2 } from '@grafana/ui';
import React, { useId, useState } from 'react';

import { findService } from '../data/findService';
import { testIds } from '../selectors';

interface Props {
  services: readonly string[];
  focus?: string;
  onFocus: (service: string | undefined) => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
  showList: boolean;
  onToggleList: () => void;
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', paddingBottom: theme.spacing(0.5) }),
  search: css({ maxWidth: 280 }),
});

/** Focus search (with suggestions from the graph's services), fit, zoom and the list toggle. */
export function Toolbar({ services, focus, onFocus, onFit, onZoom, showList, onToggleList }: Props) {
  const styles = useStyles2(getStyles);
  const listId = useId();
  const [text, setText] = useState(focus ?? '');
  const [unknown, setUnknown] = useState(false);
  const submit = (value: string) => {
    const found = findService(services, value);
    // Show the whole id that was picked, so a partial name says which service it focused.
    setUnknown(found === undefined && value.trim() !== '');
    if (found !== undefined) {
      setText(found);
    }
    onFocus(found);
  };
  return (
    <div className={styles.bar}>
      <div className={styles.search}>
        <Input
          placeholder="Focus on a service…"
          value={text}
          list={listId}
          aria-label="Focus on a service"
          invalid={unknown}
          title={unknown ? `No service matches "${text}"` : undefined}
          data-testid={testIds.search}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setUnknown(false);
            if (services.includes(e.currentTarget.value)) {
              onFocus(e.currentTarget.value);
            }
          }}
          onKeyDown={(e) => e.key === 'Enter' && submit(e.currentTarget.value)}
        />
        <datalist id={listId}>
          {services.slice(0, 500).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      {focus && (
        <Button
          size="sm"
          variant="secondary"
          icon="times"
          data-testid={testIds.clearFocus}
          onClick={() => {
            setText('');
            onFocus(undefined);
          }}
        >
          Clear focus
        </Button>
      )}
      <IconButton name="search-plus" aria-label="Zoom in" onClick={() => onZoom(1.25)} />
      <IconButton name="search-minus" aria-label="Zoom out" onClick={() => onZoom(0.8)} />
      <Button size="sm" variant="secondary" icon="expand-arrows" onClick={onFit} data-testid={testIds.fit}>
        Fit
      </Button>
      <Button
        size="sm"
        variant="secondary"
        icon="list-ul"
        onClick={onToggleList}
        data-testid={testIds.toggleList}
        aria-pressed={showList}
      >
        {showList ? 'Graph' : 'List'}
      </Button>
    </div>
  );
}
