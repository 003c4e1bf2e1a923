import { AuthMethod, convertLegacyAuthProps, type AuthProps } from '@grafana/plugin-ui';

import { authorizationHeaderIndex, authTypeOf, setAuthType, type Settings } from './options';

/**
 * How the config editor's one Authentication section (`Auth` from @grafana/plugin-ui, as Grafana's
 * own data sources use) reads and writes TraceLens settings. Pure functions over the settings, so
 * the view only wires them up.
 */

/** The bearer token is TraceLens's own method in plugin-ui's list; the id must start with `custom-`. */
export const BEARER_METHOD = 'custom-bearer' as const;

export type AuthChoice = AuthMethod | typeof BEARER_METHOD;

/** Shown in this order; cross-site cookies are left out because the proxy, not the browser, calls. */
export const VISIBLE_METHODS: AuthChoice[] = [
  AuthMethod.NoAuth,
  AuthMethod.BasicAuth,
  BEARER_METHOD,
  AuthMethod.OAuthForward,
];

export function authChoiceOf(options: Settings): AuthChoice {
  const type = authTypeOf(options);
  if (type === 'basic') {
    return AuthMethod.BasicAuth;
  }
  if (type === 'bearer') {
    return BEARER_METHOD;
  }
  return options.jsonData.oauthPassThru ? AuthMethod.OAuthForward : AuthMethod.NoAuth;
}

/**
 * Exactly one method is on after a choice: picking another drops a stored bearer token (its
 * Authorization header too), turns basic auth and OAuth forwarding off, and never sends cookies.
 */
export function chooseAuth(options: Settings, choice: string): Settings {
  const type = choice === AuthMethod.BasicAuth ? 'basic' : choice === BEARER_METHOD ? 'bearer' : 'none';
  const next = setAuthType(options, type);
  return {
    ...next,
    withCredentials: false,
    jsonData: { ...next.jsonData, oauthPassThru: choice === AuthMethod.OAuthForward },
  };
}

type HeaderRow = { name: string; configured: boolean };
type HeaderEdit = HeaderRow & { value: string };
type Json = Record<string, unknown>;
type Secure = Record<string, string | undefined>;

const NAME = 'httpHeaderName';
const VALUE = 'httpHeaderValue';

function headerIndices(jsonData: Json): number[] {
  return Object.keys(jsonData)
    .map((k) => new RegExp(`^${NAME}(\\d+)$`).exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** The slot holding the bearer token: hidden from the header list so it cannot be edited there by accident. */
function tokenSlot(options: Settings): number | undefined {
  return authTypeOf(options) === 'bearer' ? authorizationHeaderIndex(options.jsonData) : undefined;
}

/** Custom headers as plugin-ui lists them, in slot order (numeric: slot 10 comes after slot 2). */
export function customHeaderRows(options: Settings): HeaderRow[] {
  const json = options.jsonData as Json;
  const token = tokenSlot(options);
  return headerIndices(json)
    .filter((i) => i !== token)
    .map((i) => ({
      name: String(json[`${NAME}${i}`] ?? ''),
      configured: options.secureJsonFields?.[`${VALUE}${i}`] === true,
    }));
}

/**
 * Applies the header list plugin-ui hands back. A header whose value is already stored keeps its
 * slot (matched by name, else a renamed one keeps a stored slot in order): Grafana keeps encrypted
 * values by slot number, so renumbering one would pair its name with another header's secret. Slots
 * no longer used are cleared, value included, for the same reason.
 */
export function applyCustomHeaders(options: Settings, edits: readonly HeaderEdit[]): Settings {
  const json = options.jsonData as Json;
  const token = tokenSlot(options);
  const before = headerIndices(json).filter((i) => i !== token);
  const slotOf = new Map<string, number>();
  for (const i of before) {
    if (options.secureJsonFields?.[`${VALUE}${i}`] === true) {
      slotOf.set(String(json[`${NAME}${i}`]), i);
    }
  }

  const jsonData: Json = { ...json };
  const secureJsonData: Secure = { ...(options.secureJsonData as Secure) };
  const secureJsonFields: Record<string, boolean> = { ...options.secureJsonFields };
  for (const i of before) {
    delete jsonData[`${NAME}${i}`];
  }

  const taken = new Set<number>(token === undefined ? [] : [token]);
  const kept = edits.map((h) => {
    const slot = h.configured ? slotOf.get(h.name) : undefined;
    if (slot !== undefined) {
      slotOf.delete(h.name);
      taken.add(slot);
    }
    return slot;
  });
  // A stored header renamed in place: same value, so it keeps one of the unclaimed stored slots, in order.
  const unclaimed = [...slotOf.values()].sort((a, b) => a - b);
  edits.forEach((h, n) => {
    if (h.configured && kept[n] === undefined && unclaimed.length > 0) {
      kept[n] = unclaimed.shift();
      taken.add(kept[n] as number);
    }
  });
  let free = 1;
  const nextFree = (): number => {
    while (taken.has(free)) {
      free++;
    }
    taken.add(free);
    return free;
  };
  edits.forEach((h, n) => {
    const slot = kept[n] ?? nextFree();
    jsonData[`${NAME}${slot}`] = h.name;
    if (kept[n] === undefined) {
      secureJsonData[`${VALUE}${slot}`] = h.value;
      secureJsonFields[`${VALUE}${slot}`] = false;
    }
  });
  for (const i of before) {
    if (!taken.has(i)) {
      secureJsonData[`${VALUE}${i}`] = '';
      secureJsonFields[`${VALUE}${i}`] = false;
    }
  }
  return { ...options, jsonData: jsonData as Settings['jsonData'], secureJsonData, secureJsonFields };
}

/** Everything `Auth` needs: plugin-ui's own wiring for basic auth and TLS, TraceLens's for the rest. */
export function authProps(options: Settings, onChange: (options: Settings) => void): AuthProps {
  const legacy = convertLegacyAuthProps({ config: options, onChange });
  return {
    ...legacy,
    selectedMethod: authChoiceOf(options),
    visibleMethods: VISIBLE_METHODS,
    onAuthMethodSelect: (choice) => onChange(chooseAuth(options, choice)),
    customHeaders: {
      headers: customHeaderRows(options),
      onChange: (edits) => onChange(applyCustomHeaders(options, edits)),
    },
  };
}
