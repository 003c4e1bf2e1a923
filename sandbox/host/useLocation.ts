import { locationService } from '@grafana/runtime';
import { useEffect, useState } from 'react';

export type SandboxLocation = ReturnType<typeof locationService.getLocation>;

/** Re-renders on every locationService navigation, which is how plugin links move between pages. */
export function useLocation(): SandboxLocation {
  const [location, setLocation] = useState<SandboxLocation>(locationService.getLocation());
  useEffect(() => locationService.getHistory().listen((next: SandboxLocation) => setLocation(next)), []);
  return location;
}
