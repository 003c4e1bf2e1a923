import { plugin } from './module';
import { TraceLensDataSource } from './datasource';

describe('module', () => {
  it('wires the data source with its config and query editors', () => {
    expect(plugin.DataSourceClass).toBe(TraceLensDataSource);
    expect(plugin.components.ConfigEditor).toBeDefined();
    expect(plugin.components.QueryEditor).toBeDefined();
  });
});
