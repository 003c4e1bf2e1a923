import { dateTime } from '@grafana/data';
import { SandboxTemplateSrv } from './templateSrv';

function service(): SandboxTemplateSrv {
  const srv = new SandboxTemplateSrv();
  srv.setVariables([
    { name: 'svc', type: 'custom', current: { value: 'frontend' } },
    { name: 'many', type: 'custom', current: { value: ['auth-service', 'user.service'] } },
    { name: 'quoted', type: 'custom', current: { value: ['say "hi"', "it's"] } },
  ]);
  const from = dateTime(Date.UTC(2026, 0, 1, 0, 0, 0));
  const to = dateTime(Date.UTC(2026, 0, 1, 1, 0, 0));
  srv.updateTimeRange({ from, to, raw: { from, to } });
  return srv;
}

describe('SandboxTemplateSrv', () => {
  it.each([
    ['{ resource.service.name = "$svc" }', '{ resource.service.name = "frontend" }'],
    ['${svc}-x', 'frontend-x'],
    ['[[svc]]', 'frontend'],
    ['$many', '{auth-service,user.service}'], // the documented default for several values: glob
    ['${many:csv}', 'auth-service,user.service'],
    ['${many:pipe}', 'auth-service|user.service'],
    ['${many:regex}', '(auth-service|user\\.service)'],
    ['${many:json}', '["auth-service","user.service"]'],
    ['[[many:pipe]]', 'auth-service|user.service'],
    ['${many:nonsense}', '{auth-service,user.service}'], // an unknown format falls back to glob
    ['${quoted:doublequote}', '"say \\"hi\\"","it\'s"'],
    ['${quoted:singlequote}', "'say \"hi\"','it\\'s'"],
    ['$__from', String(Date.UTC(2026, 0, 1))],
    ['${__to}', String(Date.UTC(2026, 0, 1, 1))],
    ['$__range_s', '3600'],
    ['$__range_ms', '3600000'],
    ['$__range', '1h'],
    ['$unknown ${unknown:csv} [[unknown]]', '$unknown ${unknown:csv} [[unknown]]'],
    ['$svcname', '$svcname'], // a longer name is another (unknown) variable, not $svc + "name"
  ])('replaces %j with %j', (text, expected) => {
    expect(service().replace(text)).toBe(expected);
  });

  it('prefers scoped variables, and applies the format argument when the text has none', () => {
    const scoped = { svc: { text: 'gw', value: 'api-gateway' } };
    expect(service().replace('$svc', scoped)).toBe('api-gateway');
    expect(service().replace('$many', undefined, 'pipe')).toBe('auth-service|user.service');
    expect(service().replace('${many:csv}', undefined, 'pipe')).toBe('auth-service,user.service');
  });

  it('says whether text refers to a variable it knows', () => {
    expect(service().containsTemplate('x $svc')).toBe(true);
    expect(service().containsTemplate('x ${__from:date:iso}')).toBe(true);
    expect(service().containsTemplate('x $unknown [[ svc ]] ${ svc }')).toBe(false);
    expect(service().containsTemplate(undefined)).toBe(false);
  });
});
