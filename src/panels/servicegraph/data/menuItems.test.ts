import { groupNodeId } from '../../../core/analysis/layout';
import { buildServiceGraph } from '../../../core/analysis/serviceGraph';
import { call, traceOf } from '../../../core/analysis/serviceGraph/testing/callTree';
import { menuItems, type MenuContext } from './menuItems';

const t = traceOf(
  call('web', 10, [
    call('web', 9, [call('api', 8)], { kind: 'client' }),
    call('web', 2, [], { kind: 'client', attrs: { 'db.system': 'redis' } }),
  ])
);
const graph = buildServiceGraph([t], { windowSeconds: 60, detail: 'peers' });
const ctx: MenuContext = {
  graph,
  display: new Map(),
  logs: new Map(),
  members: new Map([[groupNodeId('shop'), ['shop-a', 'shop-b']]]),
  datasource: { uid: 'tl', type: 'tracelens-traceql-datasource' },
  logsDatasourceUid: 'loki',
  logsQuery: '{service_name="${service}"}',
  range: { from: '1', to: '2' },
  groupOfExpanded: () => undefined,
};
const traceqls = (items: ReturnType<typeof menuItems>) =>
  items.flatMap((i) => (i.kind === 'link' && i.traceql ? [i.traceql] : []));

describe('menuItems', () => {
  it('links a service to its traces and logs and offers focus', () => {
    const items = menuItems(ctx, { type: 'node', id: 'api' });
    expect(traceqls(items)).toEqual(['{resource.service.name="api"}']);
    expect(items.map((i) => i.label)).toEqual(['Traces through api', 'Logs for api', 'Focus on api']);
  });

  it('links a call to the structural TraceQL between the two services', () => {
    expect(traceqls(menuItems(ctx, { type: 'edge', id: 'web->api' }))).toEqual([
      '{resource.service.name="web"} >> {resource.service.name="api"}',
    ]);
  });

  it('finds calls to an uninstrumented peer by the attribute that named it', () => {
    expect(traceqls(menuItems(ctx, { type: 'edge', id: 'web->redis' }))).toEqual([
      '{resource.service.name="web" && span.db.system="redis"}',
    ]);
    expect(traceqls(menuItems(ctx, { type: 'node', id: 'redis' }))).toEqual(['{span.db.system="redis"}']);
  });

  it('offers to expand a collapsed group and searches any of its members', () => {
    const items = menuItems(ctx, { type: 'node', id: groupNodeId('shop') });
    expect(items[0]).toMatchObject({ kind: 'action', action: 'expand' });
    expect(traceqls(items)).toEqual(['{resource.service.name="shop-a" || resource.service.name="shop-b"}']);
  });

  it('queries a namespaced service by namespace and name, and names it whole in its logs link (regression #17)', () => {
    const ns = traceOf(
      call(
        'web',
        10,
        [call('web', 9, [call('api', 8, [], { namespace: 'shop' })], { kind: 'client', namespace: 'shop' })],
        {
          namespace: 'shop',
        }
      )
    );
    const nsCtx = { ...ctx, graph: buildServiceGraph([ns], { windowSeconds: 60 }) };
    const items = menuItems(nsCtx, { type: 'node', id: 'shop/api' });
    expect(traceqls(items)).toEqual(['{resource.service.namespace="shop" && resource.service.name="api"}']);
    expect(items.map((i) => i.label)).toContain('Logs for shop/api');
    expect(items.find((i) => i.label === 'Logs for shop/api')).toMatchObject({
      href: expect.stringContaining(encodeURIComponent('{service_name=\\"api\\"}')),
    });
    expect(traceqls(menuItems(nsCtx, { type: 'edge', id: 'shop/web->shop/api' }))).toEqual([
      '{resource.service.namespace="shop" && resource.service.name="web"} >> ' +
        '{resource.service.namespace="shop" && resource.service.name="api"}',
    ]);
  });

  it('says what is missing instead of a dead link', () => {
    const items = menuItems({ ...ctx, datasource: undefined, logsDatasourceUid: '' }, { type: 'node', id: 'api' });
    expect(items.filter((i) => i.kind === 'note').map((i) => i.label)).toEqual([
      'Traces through api: no data source uid in the frames or the panel query',
      'Logs for api: no trace-to-logs link on the data source; set one there, or a logs data source in the panel options',
    ]);
  });

  it("opens the data source's own trace-to-logs link without asking for a logs data source (regression #19)", () => {
    const logs = new Map([
      ['api', '/explore?logs-of-api'],
      ['web', '/explore?logs-of-web'],
    ]);
    const noOption = { ...ctx, logsDatasourceUid: '', logs };
    expect(menuItems(noOption, { type: 'node', id: 'api' })).toContainEqual({
      kind: 'link',
      label: 'Logs for api',
      href: '/explore?logs-of-api',
    });
    const call = menuItems(noOption, { type: 'edge', id: 'web->api' });
    expect(
      call.filter((i) => i.kind === 'link' && i.label.startsWith('Logs')).map((i) => i.kind === 'link' && i.href)
    ).toEqual(['/explore?logs-of-web', '/explore?logs-of-api']);
    // A logs data source chosen in the panel options still wins: it was set on purpose.
    const chosen = menuItems({ ...ctx, logs }, { type: 'node', id: 'api' }).find((i) => i.label === 'Logs for api');
    expect(chosen).toMatchObject({ href: expect.stringContaining('loki') });
    expect(chosen).not.toMatchObject({ href: '/explore?logs-of-api' });
  });
});
