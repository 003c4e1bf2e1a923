/**
 * The integration tests' view of the running stack: the state file written by scripts/stack/start.ts.
 * The global setup guarantees it exists before any test runs.
 */
import { readState, stateDirFromEnv, type StackState } from '../../../scripts/stack/stackState';

export function requireStack(): StackState {
  const state = readState(stateDirFromEnv());
  if (!state) {
    throw new Error(
      `no running stack at ${stateDirFromEnv()}/state.json; the integration global setup should have started it`
    );
  }
  return state;
}

export const DEMO_SERVICES = ['frontend', 'api-gateway', 'auth-service', 'user-service', 'database'] as const;
