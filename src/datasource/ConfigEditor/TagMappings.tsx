import { Button, IconButton, Input, Stack } from '@grafana/ui';
import React from 'react';

import { labels } from '../labels';
import { selectors } from '../selectors';
import { addTagMapping, changeTagMapping, removeTagMapping, type TagMapping } from './options';

const L = labels.config.logs;

interface Props {
  tags: TagMapping[];
  onChange: (tags: TagMapping[]) => void;
}

export function TagMappings({ tags, onChange }: Props) {
  return (
    <Stack direction="column" gap={1}>
      {tags.map((tag, i) => (
        <Stack key={i} direction="row" gap={1} alignItems="center">
          <Input
            data-testid={selectors.config.logsTagKey}
            aria-label={L.tagKey}
            placeholder={L.tagKey}
            width={30}
            value={tag.key}
            onChange={(e) => onChange(changeTagMapping(tags, i, { key: e.currentTarget.value }))}
          />
          <Input
            data-testid={selectors.config.logsTagValue}
            aria-label={L.tagValue}
            placeholder={L.tagValue}
            width={30}
            value={tag.value ?? ''}
            onChange={(e) => onChange(changeTagMapping(tags, i, { value: e.currentTarget.value }))}
          />
          <IconButton name="trash-alt" tooltip={L.removeTag} onClick={() => onChange(removeTagMapping(tags, i))} />
        </Stack>
      ))}
      <div>
        <Button
          data-testid={selectors.config.logsAddTag}
          variant="secondary"
          size="sm"
          icon="plus"
          onClick={() => onChange(addTagMapping(tags))}
        >
          {L.addTag}
        </Button>
      </div>
    </Stack>
  );
}
