import { render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import { BACKENDS } from '../../core/backends';
import { selectors } from '../selectors';
import { fastUserEvent } from '../test/fastUserEvent';
import { BACKEND_SECTIONS } from './backends';
import { ConfigEditor } from './ConfigEditor';
import type { Settings } from './options';
import { testSettings } from './testSettings';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({
    getInstanceSettings: (uid: string) => (uid === 'loki-uid' ? { uid, type: 'loki', name: 'Loki' } : undefined),
  }),
  DataSourcePicker: (props: { placeholder?: string; onChange: (ds: { uid: string; type: string }) => void }) => (
    <button
      onClick={() => props.onChange({ uid: props.placeholder?.includes('logs') ? 'loki-uid' : 'prom-uid', type: 'x' })}
    >
      pick {props.placeholder}
    </button>
  ),
}));

const userEvent = fastUserEvent();
// Headroom for a loaded CI machine: on an idle one each test takes 0.4–3 s, but with the load
// at 20 on two cores the Select-driven auth tests took 7–11 s and one timed out at 20 s.
jest.setTimeout(60_000);

/** A field's whole text in one input event: one editor re-render, not one per keystroke. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

function baseSettings(jsonData: Settings['jsonData'] = {}): Settings {
  return testSettings({ jsonData });
}

function setup(jsonData?: Settings['jsonData'], over: Partial<Settings> = {}) {
  const changes: Settings[] = [];
  function Harness() {
    const [options, setOptions] = useState({ ...baseSettings(jsonData), ...over });
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(o) => {
          changes.push(o as Settings);
          setOptions(o as Settings);
        }}
      />
    );
  }
  render(<Harness />);
  return { changes, last: () => changes[changes.length - 1] };
}

describe('ConfigEditor', () => {
  it('switches the backend and shows the Tempo-only service graph picker', async () => {
    const { last } = setup();
    expect(screen.getByTestId(selectors.config.samplingUrl)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Tempo'));
    expect(last().jsonData.backend).toBe('tempo');
    expect(screen.queryByTestId(selectors.config.samplingUrl)).not.toBeInTheDocument();
    await userEvent.click(screen.getByText(/pick Build from spans/));
    expect(last().jsonData.serviceMapDatasourceUid).toBe('prom-uid');
  });

  it('offers every registered backend, with its own sections and the shared limits', async () => {
    setup();
    for (const b of BACKENDS) {
      await userEvent.click(screen.getByLabelText(b.label));
      for (const own of BACKEND_SECTIONS[b.kind]) {
        expect(screen.getByText(own.title)).toBeInTheDocument();
      }
      // Every backend's engine-side evaluation reads the search depth and the parallelism.
      expect(screen.getByTestId(selectors.config.searchDepth)).toBeInTheDocument();
      expect(screen.getByTestId(selectors.config.maxConcurrency)).toBeInTheDocument();
    }
  });

  /** plugin-ui's method picker is a Select: open it and pick the option by its label. */
  async function chooseAuth(label: string) {
    await userEvent.click(screen.getByLabelText('Authentication method'));
    await userEvent.click(await screen.findByText(label));
  }

  it('stores a bearer token only in secureJsonData', async () => {
    const { last } = setup();
    await chooseAuth('Bearer token');
    await fill(screen.getByPlaceholderText('Token'), 's3cret');
    await userEvent.tab();
    expect(last().jsonData).toMatchObject({ authType: 'bearer', httpHeaderName1: 'Authorization' });
    expect(last().secureJsonData).toEqual({ httpHeaderValue1: 'Bearer s3cret' });
    expect(JSON.stringify(last().jsonData)).not.toContain('s3cret');
  });

  it('has one authentication section: one method picker, one basic-auth user field', async () => {
    const { last } = setup();
    expect(screen.getAllByLabelText('Authentication method')).toHaveLength(1);
    await chooseAuth('Basic authentication');
    expect(last().basicAuth).toBe(true);
    expect(screen.getAllByPlaceholderText('User')).toHaveLength(1);
    await chooseAuth('Bearer token');
    expect(last()).toMatchObject({ basicAuth: false, jsonData: { authType: 'bearer' } });
  });

  it('keeps custom headers such as X-Scope-OrgID beside a bearer token, which stays out of the list', async () => {
    const { last } = setup(
      {
        authType: 'bearer',
        httpHeaderName1: 'Authorization',
        httpHeaderName2: 'X-Scope-OrgID',
      } as Settings['jsonData'],
      { secureJsonFields: { httpHeaderValue1: true, httpHeaderValue2: true } }
    );
    expect(screen.getByDisplayValue('X-Scope-OrgID')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('Authorization')).not.toBeInTheDocument();
    // By text, not by role: a role query computes accessibility from every injected style sheet
    // (seconds per call in jsdom on a loaded machine; this test timed out in CI at 20 s).
    const addHeader = screen.getByText(/Add another header/).closest('button');
    expect(addHeader).not.toBeNull();
    await userEvent.click(addHeader!);
    const names = screen.getAllByPlaceholderText('X-Custom-Header');
    await fill(names[names.length - 1], 'X-Team');
    await userEvent.tab();
    expect(last().jsonData).toMatchObject({
      httpHeaderName1: 'Authorization',
      httpHeaderName2: 'X-Scope-OrgID',
      httpHeaderName3: 'X-Team',
    });
  });

  it('has one timeout, Grafana’s own, and moves the one earlier versions stored', async () => {
    const { last } = setup({ timeoutSeconds: 45 });
    expect(last().jsonData).toEqual({ timeout: 45 });
    expect(screen.getAllByLabelText(/timeout/i)).toHaveLength(1);
    await userEvent.clear(screen.getByLabelText('Timeout in seconds'));
    await fill(screen.getByLabelText('Timeout in seconds'), '12');
    expect(last().jsonData.timeout).toBe(12);
  });

  it.each(BACKENDS.map((b) => [b.label, b.kind, b.defaultUrl]))(
    'says plainly when no URL is configured (%s)',
    async (label, kind, defaultUrl) => {
      setup({ backend: kind }, { url: '' });
      const alert = screen.getByTestId(selectors.config.noUrl);
      expect(alert).toHaveTextContent('No URL configured');
      expect(alert).toHaveTextContent(
        `cannot reach ${label} until the URL points at its query API, for example ${defaultUrl}`
      );
      await fill(screen.getByLabelText('Data source connection URL'), defaultUrl);
      expect(screen.queryByTestId(selectors.config.noUrl)).not.toBeInTheDocument();
    }
  );

  it('writes limits as numbers on blur and refuses non-numbers', async () => {
    const { last } = setup();
    await fill(screen.getByTestId(selectors.config.searchDepth), '300');
    await userEvent.tab();
    expect(last().jsonData.searchDepth).toBe(300);
    await fill(screen.getByTestId(selectors.config.maxTraces), 'abc');
    expect(screen.getByText('Enter a whole number of at least 1')).toBeInTheDocument();
  });

  it('writes the sampling URL', async () => {
    const { last } = setup();
    await fill(screen.getByTestId(selectors.config.samplingUrl), 'http://jaeger:5778');
    expect(last().jsonData.samplingUrl).toBe('http://jaeger:5778');
  });

  it('writes tracesToLogsV2 in the shape Grafana reads', async () => {
    const { last } = setup();
    await userEvent.click(screen.getByText(/pick Select a logs data source/));
    await userEvent.click(screen.getByTestId(selectors.config.logsAddTag));
    await fill(screen.getByTestId(selectors.config.logsTagKey), 'service.name');
    await fill(screen.getByTestId(selectors.config.logsTagValue), 'service_name');
    await fill(screen.getByTestId(selectors.config.logsStartShift), '-5m');
    await fill(screen.getByTestId(selectors.config.logsEndShift), '5m');
    await userEvent.click(screen.getByTestId(selectors.config.logsFilterTraceId));
    await userEvent.click(screen.getByLabelText(/Structured metadata/));
    await userEvent.click(screen.getByTestId(selectors.config.logsCustomQuery));
    await userEvent.click(screen.getByTestId(selectors.config.logsQuery));
    await userEvent.paste('{${__tags}} |= "${__span.traceId}"');
    expect(last().jsonData.tracesToLogsV2).toEqual({
      datasourceUid: 'loki-uid',
      tags: [{ key: 'service.name', value: 'service_name' }],
      spanStartTimeShift: '-5m',
      spanEndTimeShift: '5m',
      filterByTraceID: true,
      lokiFilterMode: 'structuredMetadata',
      customQuery: true,
      query: '{${__tags}} |= "${__span.traceId}"',
    });
  });

  it('flags a time shift that is not a duration', async () => {
    setup();
    await fill(screen.getByTestId(selectors.config.logsStartShift), 'soon');
    expect(screen.getByText('Enter a duration such as -5m, 30s or 1h')).toBeInTheDocument();
  });
});
