/**
 * The data source's modules load @grafana/data and, through the Explore link helpers,
 * @grafana/runtime, which loads @grafana/ui, React DOM and emotion; these touch `window`,
 * `document`, `navigator` and DOM classes at load time. The frame code itself needs none of them,
 * so before anything loads, the benches install a jsdom window's globals (the same DOM Jest's
 * jsdom environment gives the unit tests) wherever Node has no global of that name. Import this
 * module before anything that loads @grafana/data. It is loaded in every process that is measured
 * (JSON.parse included), so its memory is part of the "before" figure, not of either variant.
 */
import { JSDOM } from 'jsdom';
import Module from 'node:module';

const g = globalThis as Record<string, unknown>;

if (g.window === undefined) {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const source = window as unknown as Record<string, unknown>;
  // Node has its own Event classes, but jsdom's dispatchEvent accepts only jsdom's.
  const domEvents = new Set(['Event', 'EventTarget', 'CustomEvent']);
  for (const key of Object.getOwnPropertyNames(window)) {
    if (!(key in g) || domEvents.has(key)) {
      g[key] = source[key];
    }
  }
  // jsdom has no matchMedia; uPlot (via @grafana/ui) asks for the pixel ratio at load time.
  const matchMedia = (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
  });
  (window as unknown as Record<string, unknown>).matchMedia = matchMedia;
  g.matchMedia = matchMedia;
  // What @grafana/runtime falls back to without a Grafana page (it logs an error if it has to),
  // with the feature-toggle map @grafana/ui reads at load time.
  (window as unknown as Record<string, unknown>).grafanaBootData = {
    assets: { dark: '', light: '' },
    settings: { featureToggles: {} },
    user: {},
    navTree: [],
  };
  g.window = window;
  g.document = window.document;
  if (g.navigator === undefined) {
    g.navigator = window.navigator;
  }
}

// @grafana/ui's dependencies require stylesheets, which webpack handles in the real build; here
// they load as empty modules.
const extensions = (Module as unknown as { _extensions: Record<string, (m: { exports: unknown }) => void> })
  ._extensions;
extensions['.css'] = (m) => {
  m.exports = {};
};

export {};
