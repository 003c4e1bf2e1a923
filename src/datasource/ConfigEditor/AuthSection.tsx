import { Auth } from '@grafana/plugin-ui';
import { Field, SecretInput } from '@grafana/ui';
import React, { useState } from 'react';

import { labels } from '../labels';
import { selectors } from '../selectors';
import { authProps, BEARER_METHOD } from './authOptions';
import { isBearerTokenSet, resetBearerToken, setBearerToken } from './options';
import type { SectionProps } from './types';

const L = labels.config.auth;

function BearerTokenField({ options, onOptionsChange }: SectionProps) {
  const [token, setToken] = useState('');
  return (
    <Field label={L.token} description={L.tokenDescription}>
      <SecretInput
        data-testid={selectors.config.bearerToken}
        aria-label={L.token}
        width={40}
        placeholder={L.tokenPlaceholder}
        isConfigured={isBearerTokenSet(options)}
        value={token}
        onChange={(e) => setToken(e.currentTarget.value)}
        onBlur={() => token !== '' && onOptionsChange(setBearerToken(options, token))}
        onReset={() => {
          setToken('');
          onOptionsChange(resetBearerToken(options));
        }}
      />
    </Field>
  );
}

/**
 * The one place credentials are set: method (none, basic, bearer token, forwarded OAuth), TLS and
 * custom headers such as Tempo's X-Scope-OrgID, all added by Grafana's data proxy server-side.
 */
export function AuthSection(props: SectionProps) {
  const { options, onOptionsChange } = props;
  return (
    <div data-testid={selectors.config.authType}>
      <Auth
        {...authProps(options, onOptionsChange)}
        customMethods={[
          {
            id: BEARER_METHOD,
            label: L.bearer,
            description: L.bearerDescription,
            component: <BearerTokenField {...props} />,
          },
        ]}
      />
    </div>
  );
}
