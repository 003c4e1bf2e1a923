/**
 * @grafana/data touches a few browser globals when it is loaded (its local-storage helper listens
 * for `storage` events; react-use, which it imports, patches `history`). The data source's frame
 * code itself needs none of them, so the benches give Node just enough of a `window` for the
 * import to succeed. Import this module before anything that loads @grafana/data.
 */
const g = globalThis as Record<string, unknown>;

if (g.window === undefined) {
  const noop = (): void => {};
  const element = () => ({ style: {}, setAttribute: noop, appendChild: noop });
  // nano-css (via react-use) checks for an <html> element and appends a <style> at load time.
  const document = {
    getElementsByTagName: () => [element()],
    createElement: element,
    createTextNode: element,
    head: { appendChild: noop },
    addEventListener: noop,
    removeEventListener: noop,
  };
  g.document = document;
  g.window = {
    document,
    addEventListener: noop,
    removeEventListener: noop,
    dispatchEvent: noop,
    history: { pushState: noop, replaceState: noop },
    location: { href: '', search: '', pathname: '/' },
    navigator: { userAgent: 'node' },
  };
}

export {};
