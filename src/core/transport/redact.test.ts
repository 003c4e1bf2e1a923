import { Redactor, basicCredential, headerSecrets, isSensitiveHeader, redactHeaders, redactUserinfo } from './redact';

describe('redactUserinfo', () => {
  it.each([
    ['cannot reach http://alice:s3cret@jaeger:16686/api/services', 'cannot reach http://***@jaeger:16686/api/services'],
    ['"https://token@tempo.example/x" is not a URL', '"https://***@tempo.example/x" is not a URL'],
    ['two: http://a:b@x and http://c:d@y', 'two: http://***@x and http://***@y'],
    ['mail bob@example.com about http://host/path', 'mail bob@example.com about http://host/path'],
  ])('%s', (input, output) => {
    expect(redactUserinfo(input)).toBe(output);
  });
});

describe('Redactor', () => {
  it('masks registered secrets raw and percent-encoded, longest first', () => {
    const r = new Redactor(['p@ss word', 'tok-123456', 'tok-123456-extended', 'ab', undefined]);
    expect(r.text('sent p@ss word and p%40ss%20word')).toBe('sent *** and ***');
    expect(r.text('Bearer tok-123456-extended vs tok-123456')).toBe('Bearer *** vs ***');
    // Too short to mask without destroying the message.
    expect(r.text('ab cab')).toBe('ab cab');
  });

  it('also masks URL userinfo without being told the secret', () => {
    expect(new Redactor().text('http://u:p@h/')).toBe('http://***@h/');
  });

  it('with() adds secrets', () => {
    expect(new Redactor(['first-secret']).with(['second-secret']).text('first-secret second-secret')).toBe('*** ***');
  });
});

describe('headers', () => {
  it('knows credential headers by name', () => {
    for (const name of [
      'Authorization',
      'proxy-authorization',
      'Cookie',
      'X-Api-Key',
      'X-Auth-Token',
      'X-Secret',
      'X-Session-Id',
    ]) {
      expect(isSensitiveHeader(name)).toBe(true);
    }
    for (const name of ['X-Scope-OrgID', 'Accept', 'User-Agent']) {
      expect(isSensitiveHeader(name)).toBe(false);
    }
  });

  it('masks credential values for output and lists them as secrets', () => {
    const headers = { Authorization: 'Bearer abc.def', 'X-Scope-OrgID': 'tenant-1', 'X-Api-Key': 'k-9999' };
    expect(redactHeaders(headers)).toEqual({ Authorization: '***', 'X-Scope-OrgID': 'tenant-1', 'X-Api-Key': '***' });
    expect(headerSecrets(headers)).toEqual(['Bearer abc.def', 'abc.def', 'k-9999']);
  });

  it('builds Basic credentials from UTF-8 (RFC 7617)', () => {
    expect(basicCredential('alice', 's3cret')).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    expect(basicCredential('zoë', 'pässwörd')).toBe(`Basic ${Buffer.from('zoë:pässwörd', 'utf8').toString('base64')}`);
  });
});
