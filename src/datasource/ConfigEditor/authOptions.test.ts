import { AuthMethod } from '@grafana/plugin-ui';

import { applyCustomHeaders, authChoiceOf, BEARER_METHOD, chooseAuth, customHeaderRows } from './authOptions';
import { setBearerToken, type Settings } from './options';
import { testSettings } from './testSettings';

type Json = Settings['jsonData'];

describe('auth method choice', () => {
  it('reads each stored method back as the choice that wrote it', () => {
    for (const choice of [AuthMethod.NoAuth, AuthMethod.BasicAuth, BEARER_METHOD, AuthMethod.OAuthForward]) {
      expect(authChoiceOf(chooseAuth(testSettings(), choice))).toBe(choice);
    }
  });

  it('leaves exactly one method on: leaving bearer drops its token, cookies are never sent', () => {
    const bearer = setBearerToken(testSettings({ withCredentials: true }), 'tok');
    const oauth = chooseAuth(bearer, AuthMethod.OAuthForward);
    expect(oauth).toMatchObject({ basicAuth: false, withCredentials: false, jsonData: { oauthPassThru: true } });
    expect(oauth.jsonData).not.toHaveProperty('httpHeaderName1');
    expect(oauth.secureJsonData).toEqual({ httpHeaderValue1: '' });
    const basic = chooseAuth(oauth, AuthMethod.BasicAuth);
    expect(basic).toMatchObject({ basicAuth: true, jsonData: { oauthPassThru: false, authType: 'basic' } });
  });
});

describe('custom headers', () => {
  const stored = testSettings({
    jsonData: {
      authType: 'bearer',
      httpHeaderName1: 'Authorization',
      httpHeaderName2: 'X-Scope-OrgID',
      httpHeaderName10: 'X-Late',
      httpHeaderName3: 'X-Team',
    } as Json,
    secureJsonFields: {
      httpHeaderValue1: true,
      httpHeaderValue2: true,
      httpHeaderValue3: true,
      httpHeaderValue10: true,
    },
  });

  it('lists headers in slot order, numerically, without the bearer token’s slot', () => {
    expect(customHeaderRows(stored).map((h) => h.name)).toEqual(['X-Scope-OrgID', 'X-Team', 'X-Late']);
  });

  it('lists the Authorization header when it is not the bearer token', () => {
    const plain = testSettings({ jsonData: { httpHeaderName1: 'Authorization' } as Json });
    expect(customHeaderRows(plain)).toEqual([{ name: 'Authorization', configured: false }]);
  });

  it('removing a header keeps every other stored header in its slot and clears the removed one', () => {
    const next = applyCustomHeaders(stored, [
      { name: 'X-Team', value: '', configured: true },
      { name: 'X-Late', value: '', configured: true },
    ]);
    expect(next.jsonData).toEqual({
      authType: 'bearer',
      httpHeaderName1: 'Authorization',
      httpHeaderName3: 'X-Team',
      httpHeaderName10: 'X-Late',
    });
    // Slot 2's encrypted value must go with its name, or a later header in slot 2 would inherit it.
    expect(next.secureJsonData).toEqual({ httpHeaderValue2: '' });
    expect(next.secureJsonFields).toMatchObject({
      httpHeaderValue1: true,
      httpHeaderValue2: false,
      httpHeaderValue3: true,
    });
  });

  it('a new header takes the first free slot, never the bearer token’s, and stores its value', () => {
    const next = applyCustomHeaders(stored, [
      ...customHeaderRows(stored).map((h) => ({ ...h, value: '' })),
      { name: 'X-New', value: 'v', configured: false },
    ]);
    expect(next.jsonData).toMatchObject({ httpHeaderName1: 'Authorization', httpHeaderName4: 'X-New' });
    expect(next.secureJsonData).toEqual({ httpHeaderValue4: 'v' });
  });

  it('a stored header renamed in place keeps its slot and value', () => {
    const next = applyCustomHeaders(stored, [
      { name: 'X-Scope-OrgID', value: '', configured: true },
      { name: 'X-Squad', value: '', configured: true },
      { name: 'X-Late', value: '', configured: true },
    ]);
    expect(next.jsonData).toMatchObject({ httpHeaderName2: 'X-Scope-OrgID', httpHeaderName3: 'X-Squad' });
    expect(next.secureJsonData).toEqual({});
  });
});
