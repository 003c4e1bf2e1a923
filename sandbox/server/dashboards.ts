import fs from 'fs';
import path from 'path';

export interface ProvisionedDashboard {
  uid: string;
  title: string;
  file: string;
  json: Record<string, unknown>;
}

/** Dashboards are read from disk on every request so the lead's edits show without a restart. */
export function loadProvisionedDashboards(dir: string): ProvisionedDashboard[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file): ProvisionedDashboard[] => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      if (!Array.isArray(json.panels)) {
        return [];
      }
      const uid = typeof json.uid === 'string' && json.uid ? json.uid : path.basename(file, '.json');
      return [{ uid, title: typeof json.title === 'string' ? json.title : uid, file, json: { ...json, uid } }];
    });
}
