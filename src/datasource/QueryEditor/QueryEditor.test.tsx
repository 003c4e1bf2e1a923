import { act, render, screen, waitFor, within } from '@testing-library/react';
import React, { useState } from 'react';

import { zipkin } from '../../core/backends/zipkin';
import type { TraceLensDataSource } from '../datasource';
import { selectors } from '../selectors';
import { fakeClient } from '../test/fakeClient';
import { fastUserEvent } from '../test/fastUserEvent';
import type { TraceLensQuery } from '../types';
import { QueryEditor } from './QueryEditor';

/**
 * Monaco does not run in jsdom: CodeEditor is replaced by a textarea that drives the same props,
 * and a fake Monaco records what the field registers (completion provider, commands, markers).
 */
const monacoCalls = {
  provider: undefined as
    | undefined
    | {
        provideCompletionItems: (
          model: unknown,
          position: unknown
        ) => Promise<{ suggestions: Array<{ insertText: string }> }>;
      },
  commands: [] as Array<() => void>,
  markers: [] as unknown[][],
};

const fakeModel = (text: () => string) => ({
  id: 'm1',
  getValue: text,
  getOffsetAt: (p: { column: number }) => p.column - 1,
  getPositionAt: (o: number) => ({ lineNumber: 1, column: o + 1 }),
});

jest.mock('@grafana/ui', () => {
  const actual = jest.requireActual('@grafana/ui');
  const ReactLib = jest.requireActual('react');
  function FakeCodeEditor(props: {
    value: string;
    onChange?: (v: string) => void;
    onBeforeEditorMount?: (m: unknown) => void;
    onEditorDidMount?: (e: unknown, m: unknown) => void;
  }) {
    const valueRef = ReactLib.useRef(props.value);
    valueRef.current = props.value;
    ReactLib.useEffect(() => {
      const model = fakeModel(() => valueRef.current);
      const monaco = {
        languages: {
          register: () => {},
          setLanguageConfiguration: () => {},
          setTokensProvider: () => {},
          CompletionItemKind: {
            Module: 1,
            Property: 2,
            Field: 3,
            Operator: 4,
            Value: 5,
            Keyword: 6,
            Function: 7,
            Snippet: 8,
          },
          registerCompletionItemProvider: (_id: string, p: typeof monacoCalls.provider) => {
            monacoCalls.provider = p;
            return { dispose: () => {} };
          },
        },
        editor: { setModelMarkers: (_m: unknown, _o: string, markers: unknown[]) => monacoCalls.markers.push(markers) },
        MarkerSeverity: { Error: 8 },
        KeyMod: { Shift: 1024 },
        KeyCode: { Enter: 3 },
      };
      const editor = {
        getModel: () => model,
        getValue: () => valueRef.current,
        addCommand: (_k: number, fn: () => void) => monacoCalls.commands.push(fn),
      };
      props.onBeforeEditorMount?.(monaco);
      props.onEditorDidMount?.(editor, monaco);
    }, []);
    return (
      <textarea
        aria-label="TraceQL editor"
        value={props.value}
        onChange={(e) => props.onChange?.(e.currentTarget.value)}
      />
    );
  }
  return { ...actual, CodeEditor: FakeCodeEditor };
});

const userEvent = fastUserEvent();
// Headroom for a loaded CI machine; the tests themselves take well under a second each.
jest.setTimeout(20_000);

function fakeDatasource(hasDependencies = false) {
  const client = fakeClient();
  const ds = {
    client,
    hasDependencies,
    attributeNames: jest.fn().mockResolvedValue(['resource.service.name', 'span.http.route']),
    applyTemplateVariables: (q: TraceLensQuery) => q,
    // As a data source configured for Zipkin answers: its module's notices for the query text.
    queryNotices: (text: string) => zipkin.queryNotices?.(text) ?? [],
  };
  return { ds: ds as unknown as TraceLensDataSource, client };
}

function setup(initial: TraceLensQuery, opts: { hasDependencies?: boolean } = {}) {
  const { ds, client } = fakeDatasource(opts.hasDependencies);
  const changes: TraceLensQuery[] = [];
  const onRunQuery = jest.fn();
  function Harness() {
    const [query, setQuery] = useState(initial);
    return (
      <QueryEditor
        datasource={ds}
        query={query}
        onChange={(q) => {
          changes.push(q);
          setQuery(q);
        }}
        onRunQuery={onRunQuery}
      />
    );
  }
  render(<Harness />);
  return { changes, onRunQuery, client, last: () => changes[changes.length - 1] };
}

beforeEach(() => {
  monacoCalls.provider = undefined;
  monacoCalls.commands = [];
  monacoCalls.markers = [];
});

describe('QueryEditor', () => {
  it('writes typed TraceQL into the query', async () => {
    const { last } = setup({ refId: 'A', queryType: 'traceql', query: '' });
    await userEvent.click(screen.getByLabelText('TraceQL editor'));
    await userEvent.paste('{ status = error }');
    expect(last().query).toBe('{ status = error }');
  });

  it('shows parse errors under the editor and as Monaco markers at their position', async () => {
    setup({ refId: 'A', queryType: 'traceql', query: '{ span.a = }' });
    const errors = await screen.findByTestId(selectors.query.errors);
    expect(errors).toHaveTextContent(/Line 1, column 12: /);
    await waitFor(() =>
      expect(monacoCalls.markers.at(-1)).toEqual([
        expect.objectContaining({ startLineNumber: 1, startColumn: 12, severity: 8 }),
      ])
    );
  });

  it('does not flag template variables as errors', () => {
    setup({ refId: 'A', queryType: 'traceql', query: '{ resource.service.name = $service }' });
    expect(screen.queryByTestId(selectors.query.errors)).not.toBeInTheDocument();
  });

  it('runs the query on Shift+Enter', () => {
    const { onRunQuery } = setup({ refId: 'A', queryType: 'traceql', query: '{}' });
    act(() => monacoCalls.commands[0]());
    expect(onRunQuery).toHaveBeenCalled();
  });

  it("shows the backend's warning for the query text (Zipkin: a capitalised name can never match)", () => {
    setup({ refId: 'A', queryType: 'traceql', query: '{ name = "GET /users" }' });
    expect(screen.getByTestId(selectors.query.backendNotice)).toHaveTextContent(/lower-cased.*"get \/users"/);
  });

  it('suggests service names from the backend after `resource.service.name = `', async () => {
    const { client } = setup({ refId: 'A', queryType: 'traceql', query: '{ resource.service.name = ' });
    const text = '{ resource.service.name = ';
    const result = await monacoCalls.provider!.provideCompletionItems(
      fakeModel(() => text),
      { lineNumber: 1, column: text.length + 1 }
    );
    expect(client.tagValues).toHaveBeenCalledWith('resource.service.name', expect.anything());
    expect(result.suggestions.map((s) => s.insertText)).toEqual(['"api-gateway"', '"frontend"']);
  });

  it('switches query type and runs', async () => {
    const { last, onRunQuery } = setup({ refId: 'A', queryType: 'traceql', query: '{}' });
    await userEvent.click(screen.getByLabelText('Trace ID'));
    expect(last().queryType).toBe('traceId');
    expect(onRunQuery).toHaveBeenCalled();
    await userEvent.type(screen.getByTestId(selectors.query.traceId), '4bf92f3577b34da6a3ce929d0e0e4736{Enter}');
    expect(last().query).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  // Regression #19: this test timed out on a loaded machine. Each field now gets its text in one
  // input event (paste) rather than one builder re-render per keystroke, and controls are found
  // and clicked the cheap way (see fastUserEvent).
  it('reads a simple query into the builder and writes changes back as TraceQL', async () => {
    const { last } = setup({
      refId: 'A',
      queryType: 'traceql',
      query: '{ status = error && span.http.route =~ "/api/.*" }',
    });
    await userEvent.click(screen.getByLabelText('Builder'));
    expect(screen.getByTestId(selectors.builder.filterKey)).toHaveValue('span.http.route');
    await userEvent.click(screen.getByLabelText('ok'));
    expect(last().query).toBe('{ status = ok && span.http.route =~ "/api/.*" }');
    await userEvent.click(screen.getByTestId(selectors.builder.addFilter));
    await userEvent.click(screen.getAllByTestId(selectors.builder.filterKey)[1]);
    await userEvent.paste('span.http.status_code');
    await userEvent.click(screen.getAllByTestId(selectors.builder.filterValue)[1]);
    await userEvent.paste('500');
    expect(last().query).toBe('{ status = ok && span.http.route =~ "/api/.*" && span.http.status_code = 500 }');
    await userEvent.click(screen.getByTestId(selectors.builder.minDuration));
    await userEvent.paste('100ms');
    expect(last().query).toContain('duration >= 100ms');
  });

  it('reads `duration > 100ms` into Min duration, strict, and writes the bound back unchanged', async () => {
    const { last } = setup({ refId: 'A', queryType: 'traceql', query: '{ duration > 100ms }' });
    await userEvent.click(screen.getByLabelText('Builder'));
    expect(screen.getByTestId(selectors.builder.minDuration)).toHaveValue('100ms');
    expect(screen.queryByTestId(selectors.builder.filterKey)).not.toBeInTheDocument();
    const minOp = within(screen.getByTestId(selectors.builder.minDurationOp));
    expect(minOp.getByLabelText('>')).toBeChecked();
    await userEvent.click(minOp.getByLabelText('>='));
    expect(last().query).toBe('{ duration >= 100ms }');
  });

  it('offers the metrics options, not the search ones, for a metrics query in the TraceQL tab', () => {
    setup({ refId: 'A', queryType: 'traceql', query: '{ } | rate() by (resource.service.name)' });
    expect(screen.getByTestId(selectors.query.step)).toBeInTheDocument();
    expect(screen.queryByTestId(selectors.query.limit)).not.toBeInTheDocument();
  });

  it("offers the backend's own call counts for the service graph where it has them (#17)", async () => {
    const { last } = setup({ refId: 'A', queryType: 'serviceGraph' }, { hasDependencies: true });
    expect(screen.getByLabelText('Services and peers')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Dependencies'));
    expect(last().serviceGraphCalls).toBe('dependencies');
    // Dependencies name services only, so the peers choice goes away.
    expect(screen.queryByLabelText('Services and peers')).not.toBeInTheDocument();
  });

  it('offers no dependencies choice where the backend has no such API', () => {
    setup({ refId: 'A', queryType: 'serviceGraph' });
    expect(screen.queryByLabelText('Dependencies')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Services and peers')).toBeInTheDocument();
  });

  it('offers code mode for queries the builder cannot show', async () => {
    setup({ refId: 'A', queryType: 'traceql', query: '{ a = 1 } >> { b = 2 }' });
    await userEvent.click(screen.getByLabelText('Builder'));
    expect(screen.getByTestId(selectors.builder.notRepresentable)).toBeInTheDocument();
  });

  it('explains where the query runs', async () => {
    const { client } = setup({ refId: 'A', queryType: 'traceql', query: '{ status = error }' });
    await userEvent.click(screen.getByTestId(selectors.query.explainToggle));
    expect(await screen.findByText(/pushed down/)).toBeInTheDocument();
    expect(client.explain).toHaveBeenCalledWith(
      '{ status = error }',
      expect.objectContaining({ startMs: expect.any(Number) })
    );
  });
});
