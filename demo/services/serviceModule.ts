/** What each demo service file exports: its routes, built from the shared config and its tracer. */
import type { Tracer } from '@opentelemetry/api';

import type { DemoConfig } from './config';
import type { Logger } from './logger';
import type { Route } from './serviceApp';

export interface ServiceContext {
  config: DemoConfig;
  tracer: Tracer;
  logger: Logger;
  stateDir: string;
}

export interface ServiceInstance {
  routes: Route[];
  close?(): void;
}

export type ServiceModule = (ctx: ServiceContext) => ServiceInstance;
