import { serviceGraphFromDependencies } from './fromDependencies';
import { neighbourhood, neighbourhoodGraph } from './neighbourhood';

// edge -> web -> api -> db ; cron -> api ; api -> cache ; other -> db
const g = serviceGraphFromDependencies(
  [
    ['edge', 'web'],
    ['web', 'api'],
    ['api', 'db'],
    ['cron', 'api'],
    ['api', 'cache'],
    ['other', 'db'],
  ].map(([parent, child]) => ({ parent, child, callCount: 1 }))
);

describe('neighbourhood', () => {
  it('follows callers upstream and callees downstream up to N hops', () => {
    const n = neighbourhood(g, 'api', 1);
    expect([...n.distance.keys()].sort()).toEqual(['api', 'cache', 'cron', 'db', 'web']);
    expect(n.distance.get('api')).toBe(0);
    expect(n.edgeIds.has('other->db')).toBe(false); // a sibling caller is not upstream of api
  });

  it('widens with more hops', () => {
    const n = neighbourhood(g, 'api', 2);
    expect(n.distance.get('edge')).toBe(2);
    expect(n.distance.has('other')).toBe(false);
  });

  it('gives an empty result for an unknown node', () => {
    expect(neighbourhood(g, 'nope', 3).distance.size).toBe(0);
  });

  it('cuts the graph to the neighbourhood', () => {
    const sub = neighbourhoodGraph(g, 'db', 1);
    expect(sub.nodes.map((x) => x.id)).toEqual(['api', 'db', 'other']);
    expect(sub.edges.map((e) => e.id)).toEqual(['api->db', 'other->db']);
  });
});
