import { SavedVariable } from '../runtime/templateSrv';

/** A data source a `datasource` variable can pick: the instance settings' identifying part. */
export interface DataSourceChoice {
  uid: string;
  name: string;
  /** The plugin id, which a data source variable's `query` names. */
  type: string;
  isDefault?: boolean;
}

export interface VariableOption {
  text: string;
  value: string;
}

/** A dashboard variable with the value this URL gives it, and what it may take (data source variables). */
export interface DashboardVariable extends SavedVariable {
  current: { text: string | string[]; value: string | string[] };
  options: VariableOption[];
}

/** The URL parameter Grafana reads a dashboard variable's value from. */
export function variableParam(name: string): string {
  return `var-${name}`;
}

/**
 * The dashboard's variables with the values this page's URL gives them, the way Grafana picks
 * them: a `var-<name>` URL parameter wins over the value saved in the dashboard. A `datasource`
 * variable may take any data source of the plugin its `query` names; a value may name one by uid
 * or by name and always resolves to its uid (what `${name}` in a panel's data source ref expands
 * to), and a value naming none of them falls back to the saved one, then to the default data
 * source if it is of that plugin, then to the first of them, so a stale link still draws panels.
 * Other variables take the URL's value as is (several `var-x` parameters: a multi-value).
 */
export function resolveVariables(
  saved: readonly SavedVariable[],
  search: string,
  dataSources: readonly DataSourceChoice[]
): DashboardVariable[] {
  const params = new URLSearchParams(search);
  return saved.map((variable) => {
    const fromUrl = params.getAll(variableParam(variable.name));
    if (variable.type === 'datasource') {
      return resolveDataSource(variable, fromUrl, dataSources);
    }
    const savedValue = variable.current?.value ?? variable.query ?? '';
    const value = fromUrl.length === 0 ? savedValue : fromUrl.length === 1 ? fromUrl[0] : fromUrl;
    const text = fromUrl.length === 0 ? (variable.current?.text ?? value) : value;
    return { ...variable, current: { text, value }, options: [] };
  });
}

function resolveDataSource(
  variable: SavedVariable,
  fromUrl: readonly string[],
  dataSources: readonly DataSourceChoice[]
): DashboardVariable {
  const candidates = dataSources.filter((ds) => ds.type === variable.query);
  const find = (key: string | string[] | undefined) =>
    typeof key === 'string' ? candidates.find((ds) => ds.uid === key || ds.name === key) : undefined;
  const picked =
    find(fromUrl[0]) ??
    find(variable.current?.value) ??
    find(variable.current?.text) ??
    candidates.find((ds) => ds.isDefault) ??
    candidates[0];
  const options = candidates.map((ds) => ({ text: ds.name, value: ds.uid }));
  const current = picked ? { text: picked.name, value: picked.uid } : { text: '', value: '' };
  return { ...variable, current, options };
}
