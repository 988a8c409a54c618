import { describe, expect, it, vi } from 'vitest';
import { computeTraySummary } from '../../main/tray/summary';
import type { ServerView } from '../../common/contract';
import { makeServer } from '../support/fixtures';
import type { Messages } from '../../main/i18n';
import { createTrayController, type MenuTemplateItem } from '../../main/tray/controller';
import type { TrayIntent } from '../../main/tray/intents';
import { confirmations, cs, en, fleet, ref } from './fixtures';

function setupController(platform = 'win32') {
  const tray = {
    setContextMenu: vi.fn<(menu: unknown) => void>(),
    setToolTip: vi.fn<(text: string) => void>(),
    setImage: vi.fn<(image: string) => void>(),
  };
  const buildFromTemplate = vi.fn<(template: MenuTemplateItem[]) => { template: MenuTemplateItem[] }>((template) => ({
    template,
  }));
  const onIntent = vi.fn<(intent: TrayIntent) => void>();
  let currentConfirmations = confirmations;
  let currentMessages: Messages = en;
  const controller = createTrayController({
    tray,
    buildFromTemplate,
    iconFor: (state) => `icon:${state}`,
    platform,
    getConfirmations: () => currentConfirmations,
    getMessages: () => currentMessages,
    onIntent,
  });
  return {
    tray,
    buildFromTemplate,
    onIntent,
    controller,
    setConfirmations: (next: typeof confirmations) => (currentConfirmations = next),
    setMessages: (next: Messages) => (currentMessages = next),
  };
}

describe('tray controller', () => {
  it('sets the icon again when its look changed (the panel theme), touching nothing else', () => {
    const { tray, controller, buildFromTemplate } = setupController();
    controller.redrawIcon();
    expect(tray.setImage).not.toHaveBeenCalled();
    controller.render(fleet);
    controller.redrawIcon();
    expect(tray.setImage.mock.calls).toEqual([['icon:attention'], ['icon:attention']]);
    expect(buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(tray.setToolTip).toHaveBeenCalledTimes(1);
  });

  it('shows the busy icon, not "all running", until the first list has arrived', () => {
    const { tray, controller } = setupController();
    const auth = {
      mode: 'token' as const,
      account: { id: 'acc-1', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
      storage: { backend: 'keychain', persisted: true },
    };
    const loading = { refreshing: true, loaded: false, lastSuccessAt: null, stale: null };
    controller.render(computeTraySummary(auth, [], loading));
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:busy');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — loading…');
    const running: ServerView = {
      key: 'acc-1:1',
      accountId: 'acc-1',
      pending: null,
      server: makeServer(1, { status: 'active' }),
    };
    controller.render(
      computeTraySummary(auth, [running], { refreshing: false, loaded: true, lastSuccessAt: 1, stale: null }),
    );
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:ok');
  });

  it('sets the context menu only when the model changed', () => {
    const { tray, controller } = setupController();
    controller.render(fleet);
    controller.render(structuredClone(fleet));
    // A server settling elsewhere in the counts changes the tooltip, not the menu.
    controller.render({ ...fleet, headline: { kind: 'loading' } });
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    expect(tray.setToolTip).toHaveBeenCalledTimes(2);
    expect(tray.setImage).toHaveBeenCalledTimes(1);
    expect(tray.setImage).toHaveBeenCalledWith('icon:attention');

    const servers = fleet.servers.map((s) =>
      s.name === 'db-01' ? { ...s, status: 'starting', pending: true, actions: [] } : s,
    );
    controller.render({ ...fleet, icon: 'busy', servers });
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:busy');
  });

  it('rebuilds the menu when confirmations change the labels', () => {
    const { tray, controller, setConfirmations } = setupController();
    controller.render(fleet);
    controller.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    setConfirmations({ start: true, stop: true, reboot: true });
    controller.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
  });

  it('switches menu and tooltip to the new language with one rebuild', () => {
    const { tray, controller, setMessages, buildFromTemplate } = setupController();
    controller.render(fleet);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — 1 running, 1 stopped, 1 busy');
    setMessages(cs);
    controller.refresh();
    controller.refresh();
    controller.render(structuredClone(fleet));
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — 1 server běží, 1 server zastaven, 1 server mění stav');
    const template = buildFromTemplate.mock.calls[1]![0];
    expect(template.map((item) => item.label ?? '---')).toContain('Ukončit');
    expect(tray.setImage).toHaveBeenCalledTimes(1);
  });

  it('turns menu clicks into intents', () => {
    const { buildFromTemplate, onIntent, controller } = setupController();
    controller.render(fleet);
    const template = buildFromTemplate.mock.calls[0]![0];
    const web = template.find((item) => item.label?.startsWith('web-01'));
    web?.submenu?.find((item) => item.label === 'Reboot…')?.click?.();
    template.find((item) => item.label === 'Quit')?.click?.();
    expect(onIntent.mock.calls.map((call) => call[0])).toEqual([
      { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'reboot', confirm: true },
      { intent: 'quit' },
    ]);
  });
});
