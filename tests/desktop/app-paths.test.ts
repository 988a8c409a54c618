import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../main/desktop/app-paths';

describe('app paths', () => {
  it('development (`electron .`): the bundles in dist/, the tray icons in build/tray', () => {
    const paths = appPaths({ appPath: '/home/me/vps-tray', isPackaged: false, resourcesPath: '/unused' });
    expect(paths).toEqual({
      preload: join('/home/me/vps-tray', 'dist', 'preload', 'index.cjs'),
      page: join('/home/me/vps-tray', 'dist', 'renderer', 'index.html'),
      pageUrl: pathToFileURL(join('/home/me/vps-tray', 'dist', 'renderer', 'index.html')).href,
      trayIcons: join('/home/me/vps-tray', 'build', 'tray'),
    });
  });

  it('packaged: the bundles inside app.asar, the tray icons beside it in resources/tray', () => {
    const resources = '/opt/VPS.org Tray/resources';
    const paths = appPaths({ appPath: join(resources, 'app.asar'), isPackaged: true, resourcesPath: resources });
    expect(paths.page).toBe(join(resources, 'app.asar', 'dist', 'renderer', 'index.html'));
    expect(paths.preload).toBe(join(resources, 'app.asar', 'dist', 'preload', 'index.cjs'));
    expect(paths.trayIcons).toBe(join(resources, 'tray'));
    // A file URL: the space is escaped, as Chromium reports the page's URL.
    expect(paths.pageUrl).toBe(pathToFileURL(paths.page).href);
    expect(paths.pageUrl).toContain('VPS.org%20Tray');
  });
});
