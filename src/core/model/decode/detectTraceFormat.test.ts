import { detectTraceFormat } from './detectTraceFormat';

describe('detectTraceFormat', () => {
  it.each([
    [{ data: [] }, 'jaeger-v1'],
    [[{ traceID: '1', spans: [] }], 'jaeger-v1'],
    [{ traceID: '1', spans: [], processes: {} }, 'jaeger-v1'],
    [{ result: { resourceSpans: [] } }, 'jaeger-api-v3'],
    [{ error: { httpCode: 404, message: 'No traces found' } }, 'jaeger-api-v3'],
    [{ batches: [] }, 'tempo-v1'],
    [{ trace: { resourceSpans: [] }, status: 'PARTIAL' }, 'tempo-v2'],
    [{ resourceSpans: [] }, 'otlp'],
    [{ traces: [] }, 'unknown'],
    ['text', 'unknown'],
    [null, 'unknown'],
    [[1, 2], 'unknown'],
  ])('%j is %s', (body, format) => {
    expect(detectTraceFormat(body)).toBe(format);
  });
});
