import { resolveVariables } from './variables';

const TYPE = 'tracelens-traceql-datasource';
const DATA_SOURCES = [
  { uid: 'tracelens-jaeger', name: 'TraceLens (Jaeger)', type: TYPE, isDefault: true },
  { uid: 'tracelens-zipkin', name: 'TraceLens (Zipkin)', type: TYPE },
  { uid: 'loki', name: 'Loki', type: 'loki' },
];
const DATASOURCE_VARIABLE = {
  name: 'datasource',
  type: 'datasource',
  query: TYPE,
  current: { text: 'TraceLens (Jaeger)', value: 'tracelens-jaeger' },
};

describe('resolveVariables', () => {
  it('offers only the data sources of the plugin the variable names, keeping the saved one', () => {
    const [variable] = resolveVariables([DATASOURCE_VARIABLE], '', DATA_SOURCES);
    expect(variable.current).toEqual({ text: 'TraceLens (Jaeger)', value: 'tracelens-jaeger' });
    expect(variable.options).toEqual([
      { text: 'TraceLens (Jaeger)', value: 'tracelens-jaeger' },
      { text: 'TraceLens (Zipkin)', value: 'tracelens-zipkin' },
    ]);
  });

  it('takes var-datasource from the URL, by uid or by name, as the uid', () => {
    for (const search of ['?var-datasource=tracelens-zipkin', '?var-datasource=TraceLens%20(Zipkin)']) {
      const [variable] = resolveVariables([DATASOURCE_VARIABLE], search, DATA_SOURCES);
      expect(variable.current).toEqual({ text: 'TraceLens (Zipkin)', value: 'tracelens-zipkin' });
    }
  });

  it('falls back to the saved data source, then the default, when the URL names none of the plugin', () => {
    const [stale] = resolveVariables([DATASOURCE_VARIABLE], '?var-datasource=loki', DATA_SOURCES);
    expect(stale.current.value).toBe('tracelens-jaeger');
    const unsaved = { ...DATASOURCE_VARIABLE, current: { value: 'gone' } };
    const reversed = [...DATA_SOURCES].reverse();
    expect(resolveVariables([unsaved], '', reversed)[0].current.value).toBe('tracelens-jaeger');
  });

  it('gives other variables the URL value as is, several values as a multi-value', () => {
    const env = { name: 'env', type: 'custom', current: { text: 'prod', value: 'prod' } };
    expect(resolveVariables([env], '', DATA_SOURCES)[0].current).toEqual({ text: 'prod', value: 'prod' });
    expect(resolveVariables([env], '?var-env=dev', DATA_SOURCES)[0].current.value).toBe('dev');
    expect(resolveVariables([env], '?var-env=a&var-env=b', DATA_SOURCES)[0].current.value).toEqual(['a', 'b']);
  });
});
