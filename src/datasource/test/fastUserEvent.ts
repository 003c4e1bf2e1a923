import userEventLib, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';

/**
 * user-event for editor tests on a shared, loaded machine. Before each click user-event checks
 * `pointer-events` by calling getComputedStyle on the target and all its ancestors, which in jsdom
 * re-reads every style sheet Grafana's components inject: measured at 0.5–0.8 s per click on the
 * query editor, against 0.17 s without it. What the tests check is what the editor writes, not
 * CSS hit-testing, which only a browser can answer (tests/browser/ does). No delay between
 * keystrokes either: typing speed is not what is tested.
 *
 * For the same reason find controls by label text or test id, not `getByRole(…, { name })`: role
 * queries compute accessibility from styles too (1.7 s per call there, against 26 ms by label).
 */
export function fastUserEvent(): UserEvent {
  return userEventLib.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}
