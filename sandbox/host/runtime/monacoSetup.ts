import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

declare global {
  interface Window {
    monaco?: typeof monaco;
  }
}

/**
 * Nothing Monaco needs may come from a CDN. @grafana/ui bundles monaco-editor and hands it to its
 * @monaco-editor/react; a plugin that bundles its own @monaco-editor/react finds the same instance on
 * window.monaco (its loader checks there before fetching), and any loader that still wants the AMD
 * build is pointed at node_modules/monaco-editor/min/vs served by the sandbox.
 */
export function setUpMonaco(): void {
  window.monaco = monaco;
  loader.config({ monaco, paths: { vs: '/monaco/vs' } });
  const workerMain = `${window.location.origin}/monaco/vs/base/worker/workerMain.js`;
  window.MonacoEnvironment = {
    // Language workers run from the AMD build of the same monaco-editor version.
    getWorkerUrl: () =>
      `data:text/javascript;charset=utf-8,${encodeURIComponent(
        `self.MonacoEnvironment = { baseUrl: '${window.location.origin}/monaco/' }; importScripts('${workerMain}');`
      )}`,
  };
}
