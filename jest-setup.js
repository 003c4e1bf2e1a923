// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// Property tests replay: fast-check starts from one fixed seed (its default is the clock), so a
// failure found in CI fails the same way on every machine. FC_SEED=<n> explores other seeds.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 1414213562) });
