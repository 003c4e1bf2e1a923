import type { ComponentType } from 'react';

import type { SectionProps } from '../types';

/** A settings section only one backend has, shown after the shared ones when it is picked. */
export interface BackendConfigSection {
  readonly title: string;
  readonly description?: string;
  readonly Component: ComponentType<SectionProps>;
}
