import type { BackendConfigSection } from '../types';

/** Zipkin has no settings of its own beyond the shared ones. */
export const zipkinSections: readonly BackendConfigSection[] = [];
