/**
 * Each backend's own config-editor sections, one folder per backend beside the core's registry.
 * Keyed by the registry's names, so registering a backend in core/backends/registry.ts does not
 * typecheck until it has an entry here (an empty list when it has no settings of its own).
 */
import type { BackendKind } from '../../../core/backends';
import { jaegerSections } from './jaeger';
import { tempoSections } from './tempo';
import { zipkinSections } from './zipkin';
import type { BackendConfigSection } from './types';

export const BACKEND_SECTIONS: { readonly [K in BackendKind]: readonly BackendConfigSection[] } = {
  jaeger: jaegerSections,
  tempo: tempoSections,
  zipkin: zipkinSections,
};

export type { BackendConfigSection } from './types';
