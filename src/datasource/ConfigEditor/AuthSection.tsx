import { Field, RadioButtonGroup, SecretInput } from '@grafana/ui';
import React, { useState } from 'react';

import { labels } from '../labels';
import { selectors } from '../selectors';
import { authTypeOf, isBearerTokenSet, resetBearerToken, setAuthType, setBearerToken, type AuthType } from './options';
import type { SectionProps } from './types';

const L = labels.config.auth;

const OPTIONS: Array<{ label: string; value: AuthType }> = [
  { label: L.none, value: 'none' },
  { label: L.basic, value: 'basic' },
  { label: L.bearer, value: 'bearer' },
];

/**
 * Chooses how Grafana's proxy authenticates. Basic auth details, TLS and custom headers are in
 * Grafana's standard HTTP settings below; a bearer token is stored as an Authorization header.
 */
export function AuthSection({ options, onOptionsChange }: SectionProps) {
  const authType = authTypeOf(options);
  const [token, setToken] = useState('');
  return (
    <>
      <Field label={L.label} description={authType === 'basic' ? L.basicHint : undefined}>
        <div data-testid={selectors.config.authType}>
          <RadioButtonGroup<AuthType>
            options={OPTIONS}
            value={authType}
            onChange={(v) => onOptionsChange(setAuthType(options, v))}
          />
        </div>
      </Field>
      {authType === 'bearer' && (
        <Field label={L.token} description={L.tokenDescription}>
          <SecretInput
            data-testid={selectors.config.bearerToken}
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
      )}
    </>
  );
}
