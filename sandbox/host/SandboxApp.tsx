import { css } from '@emotion/css';
import { DataLinksContext, GrafanaTheme2 } from '@grafana/data';
import { config, locationService } from '@grafana/runtime';
import { Alert, useStyles2 } from '@grafana/ui';
import React from 'react';

import { ConfigPage } from './pages/ConfigPage';
import { DashboardPage } from './pages/DashboardPage';
import { ExplorePage } from './pages/ExplorePage';
import { SandboxServices } from './runtime/installServices';
import { sandboxLinkPostProcessor } from './runtime/linkPostProcessor';
import { sandboxGlobals } from './sandboxGlobals';
import { useLocation } from './useLocation';

const PAGES = [
  { path: '/explore', title: 'Explore' },
  { path: '/dashboard', title: 'Dashboard' },
  { path: '/config', title: 'Data source settings' },
];

function NavLink({ path, title, current }: { path: string; title: string; current: boolean }) {
  const styles = useStyles2(getStyles);
  return (
    <a
      href={path}
      className={current ? `${styles.link} ${styles.active}` : styles.link}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        locationService.push(path);
      }}
    >
      {title}
    </a>
  );
}

export function SandboxApp({ services }: { services: SandboxServices }) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const [, section, id] = location.pathname.split('/');
  const otherTheme = config.theme2.isDark ? 'light' : 'dark';
  const themeParams = new URLSearchParams(location.search);
  themeParams.set('theme', otherTheme);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <span className={styles.brand}>TraceLens sandbox</span>
        <nav aria-label="Sandbox pages" className={styles.nav}>
          {PAGES.map((page) => (
            <NavLink key={page.path} path={page.path} title={page.title} current={`/${section}` === page.path} />
          ))}
        </nav>
        <a className={styles.link} href={`${location.pathname}?${themeParams.toString()}`}>
          {otherTheme === 'light' ? 'Light theme' : 'Dark theme'}
        </a>
      </header>
      {/* Panels' links go through the same post-processing as Explore's tables (see FrameTable). */}
      <DataLinksContext.Provider value={{ dataLinkPostProcessor: sandboxLinkPostProcessor }}>
        <main className={styles.main}>
          {!sandboxGlobals().distBuilt && (
            <Alert severity="warning" title="No built plugins">
              dist/ holds no plugin modules yet. Run npm run build, then reload.
            </Alert>
          )}
          {section === 'explore' && <ExplorePage services={services} />}
          {section === 'dashboard' && <DashboardPage uid={id} services={services} />}
          {section === 'config' && <ConfigPage uid={id} services={services} />}
          {!['explore', 'dashboard', 'config'].includes(section) && (
            <Alert severity="info" title="Page not found">
              The sandbox has Explore, Dashboard and Data source settings pages.
            </Alert>
          )}
        </main>
      </DataLinksContext.Provider>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  shell: css({ minHeight: '100vh', background: theme.colors.background.canvas, color: theme.colors.text.primary }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(3),
    padding: theme.spacing(1, 2),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  }),
  brand: css({ fontWeight: theme.typography.fontWeightMedium, fontSize: theme.typography.h5.fontSize }),
  nav: css({ display: 'flex', gap: theme.spacing(2), flex: 1 }),
  link: css({ color: theme.colors.text.secondary, '&:hover': { color: theme.colors.text.primary } }),
  active: css({ color: theme.colors.text.primary, borderBottom: `2px solid ${theme.colors.primary.main}` }),
  main: css({ padding: theme.spacing(2) }),
});
