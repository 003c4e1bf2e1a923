/**
 * Credentials never reach a message or a log line. Three things are hidden: the userinfo of any
 * URL (`http://alice:s3cret@host` prints as `http://***@host`), the values of credential headers
 * (Authorization, Cookie, anything named like a key, token, secret or password), and every secret
 * value a caller registered (a token from the environment, a password), wherever it appears,
 * raw, percent-encoded or inside a Basic credential.
 */

const MASK = '***';

// scheme://userinfo@ : only after a scheme, so e-mail addresses in prose are left alone.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;

/** Removes the userinfo of every URL in `text`. */
export function redactUserinfo(text: string): string {
  return text.replace(URL_USERINFO, `$1${MASK}@`);
}

const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|key|token|secret|passw|auth|session|credential/i;

/** True for headers whose value is a credential (so it is masked in output and registered as a secret). */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name.trim());
}

/** A copy of `headers` with credential values masked, for logs and `--verbose` style output. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSensitiveHeader(name) ? MASK : value;
  }
  return out;
}

function base64(text: string): string {
  // btoa takes Latin-1; UTF-8 bytes first so non-ASCII passwords encode the way servers expect.
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary);
}

/** The Authorization value for HTTP Basic auth (RFC 7617, UTF-8). */
export function basicCredential(user: string, password: string): string {
  return `Basic ${base64(`${user}:${password}`)}`;
}

/**
 * Masks registered secrets and URL userinfo in any text. Secrets shorter than 4 characters are not
 * registered: masking every "a" in a message would hide the message, not the secret.
 */
export class Redactor {
  private readonly needles: string[];

  constructor(secrets: Iterable<string | undefined> = []) {
    const set = new Set<string>();
    for (const s of secrets) {
      if (s === undefined || s.length < 4) {
        continue;
      }
      set.add(s);
      set.add(encodeURIComponent(s));
    }
    // Longest first, so a secret that contains another is masked whole.
    this.needles = [...set].sort((a, b) => b.length - a.length);
  }

  /** A Redactor that also hides `more`. */
  with(more: Iterable<string | undefined>): Redactor {
    return new Redactor([...this.needles, ...more]);
  }

  text(s: string): string {
    let out = redactUserinfo(s);
    for (const needle of this.needles) {
      out = out.split(needle).join(MASK);
    }
    return out;
  }
}

/** Every value in `headers` that is a credential, for registering with a Redactor. */
export function headerSecrets(headers: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSensitiveHeader(name)) {
      continue;
    }
    out.push(value);
    // `Bearer abc` / `Basic xyz`: the credential alone may be echoed by a server.
    const space = value.indexOf(' ');
    if (space > 0) {
      out.push(value.slice(space + 1).trim());
    }
  }
  return out;
}
