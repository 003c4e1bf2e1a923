import { ThemeContext } from '@grafana/data';
import { config } from '@grafana/runtime';
import { GlobalStyles } from '@grafana/ui';
import React from 'react';
import { createRoot } from 'react-dom/client';

import { registerSharedModules } from './amd/pluginLoader';
import { SandboxApp } from './SandboxApp';
import { installServices } from './runtime/installServices';
import { setUpMonaco } from './runtime/monacoSetup';
import { registerOptionEditors } from './runtime/optionEditors';

// Order matters: services and shared modules must exist before the first plugin module runs.
setUpMonaco();
registerOptionEditors();
const services = installServices();
registerSharedModules();

const container = document.getElementById('reactRoot');
if (!container) {
  throw new Error('host page has no #reactRoot');
}
createRoot(container).render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <SandboxApp services={services} />
  </ThemeContext.Provider>
);
