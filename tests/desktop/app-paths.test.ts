import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../main/desktop/app-paths';
import { POPUP_PAGE_URL } from '../../main/desktop/app-protocol';

describe('app paths', () => {
  it('development (`electron .`): the bundles in dist/, the tray icons in build/tray', () => {
    const paths = appPaths({ appPath: '/home/me/vps-tray', isPackaged: false, resourcesPath: '/unused' });
    expect(paths).toEqual({
      preload: join('/home/me/vps-tray', 'dist', 'preload', 'index.cjs'),
      rendererRoot: join('/home/me/vps-tray', 'dist', 'renderer'),
      pageUrl: 'app://popup/index.html',
      trayIcons: join('/home/me/vps-tray', 'build', 'tray'),
    });
  });

  it('packaged: the bundles inside app.asar, the tray icons beside it in resources/tray', () => {
    const resources = '/opt/VPS.org Tray/resources';
    const paths = appPaths({ appPath: join(resources, 'app.asar'), isPackaged: true, resourcesPath: resources });
    expect(paths.rendererRoot).toBe(join(resources, 'app.asar', 'dist', 'renderer'));
    expect(paths.preload).toBe(join(resources, 'app.asar', 'dist', 'preload', 'index.cjs'));
    expect(paths.trayIcons).toBe(join(resources, 'tray'));
    // The page's URL names no folder: the same in every install, whatever its path.
    expect(paths.pageUrl).toBe(POPUP_PAGE_URL);
  });
});
