import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as d3 from 'd3';
import i18next from 'i18next';
import jquery from 'jquery';
import lodash from 'lodash';
// Plugins get the real moment from Grafana, so the host must import it despite the lint rule.
// eslint-disable-next-line no-restricted-imports
import moment from 'moment';
import prismjs from 'prismjs';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

/**
 * The modules Grafana hands to plugins (the ones in .config/bundler/externals.ts that our plugins
 * can import), by the AMD id webpack writes into each module's define([...]). They are the very
 * instances the host pages render with, so a plugin's React and @grafana/data are the host's.
 */
export const SHARED_MODULES: Readonly<Record<string, unknown>> = {
  react: React,
  'react-dom': ReactDOM,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  rxjs,
  'rxjs/operators': rxjsOperators,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  lodash,
  moment,
  i18next,
  d3,
  jquery,
  prismjs,
};
