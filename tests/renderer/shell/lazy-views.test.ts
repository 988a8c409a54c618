// A view whose code has not arrived yet: what was shown stays (no empty flash), focus stays where the
// user put it, and the view appears as soon as its code is here. The code of Create and Settings is
// held back here until a test lets it through; every other view is fetched as usual.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { EventChannel } from '../../../common/contract';
import { lazyViews } from '../../../renderer/views/lazy';
import { makeView } from '../fake-bridge';
import { click, getByRole, queryByRole, settle, popupUnderTest } from '../dom';
import { makeServer } from '../../support/fixtures';

const held = vi.hoisted(() => {
  const release: Partial<Record<'create' | 'settings', () => void>> = {};
  const until = (view: 'create' | 'settings') =>
    new Promise<void>((resolve) => {
      release[view] = resolve;
    });
  return { create: until('create'), settings: until('settings'), release };
});

vi.mock('../../../renderer/views/lazy', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../renderer/views/lazy')>();
  const { lazy } = await import('../../../renderer/hooks/use-lazy');
  const create = lazy(async () => {
    await held.create;
    return (await import('../../../renderer/views/CreateView')).CreateView;
  });
  const settings = lazy(async () => {
    await held.settings;
    return (await import('../../../renderer/views/settings/SettingsView')).SettingsView;
  });
  const { detail, edit, tokenSetup } = actual.lazyViews;
  return {
    lazyViews: { ...actual.lazyViews, create, settings },
    preloadViews: async () => {
      await Promise.all([detail, edit, tokenSetup].map((view) => view.load()));
    },
  };
});

const popup = popupUnderTest();
const servers = [makeView(makeServer(1, { name: 'web-01' }))];

describe('a view whose code is on its way', () => {
  it('leaves the list and the focus as they are until it arrives, then shows', async () => {
    const rendered = await popup.render({ servers });
    const newServer = getByRole(rendered.root.querySelector('header')!, 'button', 'New server');
    newServer.focus();
    await click(newServer);

    expect(getByRole(rendered.root, 'list', 'Servers')).toBeTruthy();
    expect(queryByRole(rendered.root, 'heading', 'New server')).toBeNull();
    expect(document.activeElement).toBe(newServer);

    held.release.create?.();
    await act(async () => {
      await lazyViews.create.load();
    });
    await settle();
    expect(getByRole(rendered.root, 'heading', 'New server')).toBeTruthy();
    expect(queryByRole(rendered.root, 'list', 'Servers')).toBeNull();
    expect(document.activeElement).toBe(newServer);
  });

  it("Settings… from the tray focuses the view's heading once the view is there", async () => {
    const rendered = await popup.render({ servers });
    (document.activeElement as HTMLElement | null)?.blur();
    await act(() => rendered.fake.emit(EventChannel.popupShown, { view: 'settings' }));
    await settle();
    expect(getByRole(rendered.root, 'list', 'Servers')).toBeTruthy();

    held.release.settings?.();
    await act(async () => {
      await lazyViews.settings.load();
    });
    await settle();
    const heading = getByRole(rendered.root, 'heading', 'Settings');
    expect(document.activeElement).toBe(heading);
  });
});
