import { FieldType, ScopedVars, createDataFrame, createTheme, getDisplayProcessor } from '@grafana/data';

import { resolveDataMacro } from './dataMacros';
import { SandboxTemplateSrv } from './templateSrv';

const frame = createDataFrame({
  name: 'Traces',
  fields: [
    { name: 'traceID', type: FieldType.string, values: ['abc', 'def'] },
    { name: 'time', type: FieldType.time, values: [1000, 2000] },
    {
      name: 'traceDuration',
      type: FieldType.number,
      values: [1234.5, 7],
      config: { unit: 'ms', displayName: 'Duration' },
    },
  ],
});
for (const field of frame.fields) {
  field.display = getDisplayProcessor({ field, theme: createTheme() });
}

function cell(fieldIndex: number, rowIndex: number): ScopedVars {
  return {
    __dataContext: { value: { data: [frame], frame, field: frame.fields[fieldIndex], rowIndex } },
    __series: { text: 'Series', value: { name: 'Traces' } },
  };
}

describe('data-link macros', () => {
  it('read the clicked cell as stored, as displayed and as a number, with its row time', () => {
    expect(resolveDataMacro('__value', 'raw', cell(0, 1))).toBe('def');
    expect(resolveDataMacro('__value', 'raw', cell(2, 0))).toBe('1234.5');
    expect(resolveDataMacro('__value', 'numeric', cell(2, 0))).toBe('1234.5');
    expect(resolveDataMacro('__value', 'text', cell(2, 0))).toBe('1.23 s');
    expect(resolveDataMacro('__value', 'time', cell(0, 1))).toBe('2000');
  });

  it('read another field of the same row by index, name or display name', () => {
    expect(resolveDataMacro('__data', 'fields[0]', cell(2, 1))).toBe('def');
    expect(resolveDataMacro('__data', 'fields.traceID', cell(2, 1))).toBe('def');
    expect(resolveDataMacro('__data', 'fields["Duration"]', cell(0, 1))).toBe('7');
    expect(resolveDataMacro('__data', 'fields.nope', cell(0, 1))).toBeUndefined();
  });

  it('leave names that are not macros to the variable lookup', () => {
    expect(resolveDataMacro('service', undefined, cell(0, 0))).toBeUndefined();
    expect(resolveDataMacro('__value', 'raw', undefined)).toBeUndefined();
    expect(resolveDataMacro('__series', 'name', cell(0, 0))).toBe('Traces');
  });

  it('are what the template service substitutes in a link title and URL', () => {
    const srv = new SandboxTemplateSrv();
    expect(srv.replace('Trace: ${__value.raw}', cell(0, 0))).toBe('Trace: abc');
    expect(srv.replace('${__series.name}/${__data.fields.traceID}', cell(2, 1))).toBe('Traces/def');
    expect(srv.replace('${__value.raw}')).toBe('${__value.raw}');
  });
});
