import { authHeaders, parseHeader, splitUserinfo } from './auth';
import { basicCredential } from './redact';

describe('parseHeader', () => {
  it('splits at the first colon and trims', () => {
    expect(parseHeader('X-Scope-OrgID: tenant-a')).toEqual(['X-Scope-OrgID', 'tenant-a']);
    expect(parseHeader('Authorization:Bearer a:b:c')).toEqual(['Authorization', 'Bearer a:b:c']);
    expect(parseHeader('X-Empty:')).toEqual(['X-Empty', '']);
  });

  it.each([['no colon here'], [': value'], ['Bad Name: v'], ['X-Ok: line\r\nInjected: yes']])('rejects %j', (spec) => {
    expect(() => parseHeader(spec)).toThrow(expect.objectContaining({ kind: 'input' }));
  });

  it('never echoes the value of a malformed header', () => {
    expect(() => parseHeader('Bearer supersecrettoken')).toThrow(/"Bearer\.\.\."/);
    expect(() => parseHeader('Bearer supersecrettoken')).not.toThrow(/supersecrettoken/);
  });
});

describe('splitUserinfo', () => {
  it('takes the credentials out, decoded', () => {
    expect(splitUserinfo('http://alice:s%40cret@jaeger:16686')).toEqual({
      url: 'http://jaeger:16686',
      user: 'alice',
      password: 's@cret',
    });
    expect(splitUserinfo('https://tok@tempo.example/prefix/')).toEqual({
      url: 'https://tempo.example/prefix/',
      user: 'tok',
      password: '',
    });
  });

  it('leaves URLs without userinfo, and non-URLs, untouched', () => {
    expect(splitUserinfo('http://jaeger:16686')).toEqual({ url: 'http://jaeger:16686' });
    expect(splitUserinfo('not a url')).toEqual({ url: 'not a url' });
  });
});

describe('authHeaders', () => {
  it('turns a token, a user/password or URL userinfo into Authorization', () => {
    expect(authHeaders({ token: 't0ken' })).toEqual({ Authorization: 'Bearer t0ken' });
    expect(authHeaders({ user: 'u', password: 'p' })).toEqual({ Authorization: basicCredential('u', 'p') });
    expect(authHeaders({}, { user: 'u', password: 'p' })).toEqual({ Authorization: basicCredential('u', 'p') });
    expect(authHeaders({ headers: { 'X-Scope-OrgID': 't' } })).toEqual({ 'X-Scope-OrgID': 't' });
  });

  it('keeps an explicit Authorization header as given', () => {
    expect(authHeaders({ headers: { authorization: 'Custom x' } })).toEqual({ authorization: 'Custom x' });
  });

  it('refuses two sources of credentials instead of picking one silently', () => {
    expect(() => authHeaders({ token: 't', user: 'u' })).toThrow(
      /give one kind of credentials, not a bearer token and a user and password/
    );
    expect(() => authHeaders({ token: 't' }, { user: 'u' })).toThrow(/credentials in the URL/);
    expect(() => authHeaders({ headers: { Authorization: 'x' }, token: 't' })).toThrow(/an Authorization header/);
  });
});
