/**
 * The sandbox reads provisioning YAML with js-yaml. Releases up to 4.1.0 let a merge key (`<<`)
 * carrying `__proto__` replace the prototype of the parsed mapping (CVE-2025-64718), so a value
 * nobody wrote appeared on it. This pins the fixed behaviour of the version we depend on.
 */
import yaml from 'js-yaml';

describe('js-yaml (CVE-2025-64718)', () => {
  it.each([
    ['a merge key holding __proto__', 'jsonData:\n  <<:\n    __proto__:\n      polluted: yes\n'],
    ['a merge of an anchor holding __proto__', 'base: &b\n  __proto__:\n    polluted: yes\njsonData:\n  <<: *b\n'],
  ])('does not let %s change the prototype of the result', (_name, text) => {
    const doc = yaml.load(text) as { jsonData: Record<string, unknown> };
    expect(Object.getPrototypeOf(doc.jsonData)).toBe(Object.prototype);
    expect((doc.jsonData as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
