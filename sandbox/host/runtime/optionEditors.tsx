import {
  FieldColorModeId,
  FieldConfigPropertyItem,
  SelectableValue,
  StandardEditorProps,
  StandardEditorsRegistryItem,
  ThresholdsMode,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';
import { ColorPicker, Input, MultiSelect, RadioButtonGroup, Select, Switch, UnitPicker } from '@grafana/ui';
import React, { ComponentType } from 'react';

/*
 * Grafana core, not a package, defines the standard option editors (number, select, unit, ...) and
 * the standard field config properties (unit, min, max, thresholds, ...). A panel's option builder
 * looks its editors up by id while Grafana computes option defaults, so the sandbox registers the
 * same ids, with @grafana/ui controls as editors.
 */

type EditorProps = StandardEditorProps<unknown, { options?: Array<SelectableValue<unknown>>; placeholder?: string }>;

const NumberEditor = ({ value, onChange, item, id }: EditorProps) => (
  <Input
    id={id}
    type="number"
    aria-label={item.name}
    defaultValue={typeof value === 'number' ? value : ''}
    onBlur={(event) => onChange(event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value))}
  />
);

const TextEditor = ({ value, onChange, item, id }: EditorProps) => (
  <Input
    id={id}
    aria-label={item.name}
    placeholder={item.settings?.placeholder}
    defaultValue={typeof value === 'string' ? value : ''}
    onBlur={(event) => onChange(event.currentTarget.value)}
  />
);

const StringsEditor = ({ value, onChange, item, id }: EditorProps) => (
  <Input
    id={id}
    aria-label={item.name}
    defaultValue={Array.isArray(value) ? value.join(', ') : ''}
    onBlur={(event) =>
      onChange(
        event.currentTarget.value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      )
    }
  />
);

const BooleanEditor = ({ value, onChange, item, id }: EditorProps) => (
  <Switch
    id={id}
    aria-label={item.name}
    value={Boolean(value)}
    onChange={(event) => onChange(event.currentTarget.checked)}
  />
);

const RadioEditor = ({ value, onChange, item }: EditorProps) => (
  <RadioButtonGroup options={item.settings?.options ?? []} value={value} onChange={onChange} />
);

const SelectEditor = ({ value, onChange, item, id }: EditorProps) => (
  <Select
    inputId={id}
    aria-label={item.name}
    options={item.settings?.options ?? []}
    value={value}
    onChange={(option) => onChange(option.value)}
  />
);

const MultiSelectEditor = ({ value, onChange, item, id }: EditorProps) => (
  <MultiSelect
    inputId={id}
    aria-label={item.name}
    options={item.settings?.options ?? []}
    value={Array.isArray(value) ? value : []}
    onChange={(options) => onChange(options.map((option) => option.value))}
  />
);

const ColorEditor = ({ value, onChange }: EditorProps) => (
  <ColorPicker color={typeof value === 'string' ? value : 'transparent'} onChange={onChange} />
);

const UnitEditor = ({ value, onChange }: EditorProps) => (
  <UnitPicker value={typeof value === 'string' ? value : undefined} onChange={onChange} />
);

/** Values only the panel editor changes (thresholds, mappings, links): shown read-only here. */
const JsonEditor = ({ value, item }: EditorProps) => (
  <pre aria-label={item.name}>{JSON.stringify(value ?? null, null, 2)}</pre>
);

const EDITORS: Array<[string, string, ComponentType<EditorProps>]> = [
  ['number', 'Number', NumberEditor],
  ['slider', 'Slider', NumberEditor],
  ['text', 'Text', TextEditor],
  ['strings', 'String array', StringsEditor],
  ['boolean', 'Boolean', BooleanEditor],
  ['radio', 'Radio', RadioEditor],
  ['select', 'Select', SelectEditor],
  ['multi-select', 'Multi select', MultiSelectEditor],
  ['color', 'Color', ColorEditor],
  ['unit', 'Unit', UnitEditor],
  ['field-name', 'Field name', TextEditor],
  ['dashboard-uid', 'Dashboard', TextEditor],
  ['timezone', 'Time zone', TextEditor],
  ['thresholds', 'Thresholds', JsonEditor],
  ['mappings', 'Value mappings', JsonEditor],
  ['links', 'Links', JsonEditor],
];

function fieldProperty(
  id: string,
  name: string,
  editor: ComponentType<EditorProps>,
  process: FieldConfigPropertyItem['process'],
  defaultValue?: unknown
): FieldConfigPropertyItem {
  return {
    id,
    path: id,
    name,
    editor,
    override: editor,
    process,
    shouldApply: () => true,
    defaultValue,
    category: ['Standard options'],
  };
}

export function registerOptionEditors(): void {
  standardEditorsRegistry.setInit(() =>
    EDITORS.map(([id, name, editor]): StandardEditorsRegistryItem => ({ id, name, description: name, editor }))
  );
  standardFieldConfigEditorRegistry.setInit(() => [
    fieldProperty('unit', 'Unit', UnitEditor, stringOverrideProcessor),
    fieldProperty('min', 'Min', NumberEditor, numberOverrideProcessor),
    fieldProperty('max', 'Max', NumberEditor, numberOverrideProcessor),
    fieldProperty('decimals', 'Decimals', NumberEditor, numberOverrideProcessor),
    fieldProperty('displayName', 'Display name', TextEditor, displayNameOverrideProcessor),
    fieldProperty('noValue', 'No value', TextEditor, stringOverrideProcessor),
    // Grafana's defaults for new panels: green base with red from 80, colour by thresholds.
    fieldProperty('thresholds', 'Thresholds', JsonEditor, thresholdsOverrideProcessor, {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    }),
    fieldProperty('color', 'Color scheme', JsonEditor, identityOverrideProcessor, {
      mode: FieldColorModeId.PaletteClassic,
    }),
    fieldProperty('mappings', 'Value mappings', JsonEditor, valueMappingsOverrideProcessor),
    fieldProperty('links', 'Data links', JsonEditor, dataLinksOverrideProcessor),
  ]);
}
