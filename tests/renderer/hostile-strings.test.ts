// Hostile strings from the API (a compromised or buggy VPS.org): markup, a 10 000-character name,
// right-to-left overrides, emoji, control characters, in every field the popup shows (name, hostname,
// IP, location, plan and OS names, the API's error text). They must render as text (no element is
// injected, the text node holds the string as sent) and keep the layout: they sit in the one-line,
// clipped classes whose CSS rules tests/renderer/styles.node.test.ts checks (happy-dom lays nothing out).
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createFakeBridge, fail, loadedStatus, makeView } from './fake-bridge';
import { click, getByRole, popupUnderTest, settle } from './dom';
import { act } from 'preact/test-utils';
import { makeDetail, makeServer } from '../support/fixtures';

const popup = popupUnderTest();

const HOSTILE: Array<[label: string, text: string]> = [
  ['markup', '<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>'],
  ['10 000 characters', 'x'.repeat(10_000)],
  ['right-to-left override', '\u202Egnp.exe\u202C עברית العربية'],
  ['emoji', '🔥💀 👩‍👩‍👧‍👦 🇨🇿'],
  ['control characters', 'a\u0000b\u0007c\u001b[31md\r\ne\tf\u0085g\u2028h'],
];

/** Elements the popup itself never renders; any of them means markup got through. */
const INJECTED = 'img, script, b, iframe, object, embed, [onerror], [onload]';

/** Each field of the server carries the hostile text, tagged so a mix-up between fields shows. */
function hostileServer(text: string) {
  return makeServer(1, {
    name: `N${text}`,
    hostname: `H${text}`,
    ip_address: `I${text}`,
    location: `L${text}`,
    plan: { id: 1, name: `P${text}`, vcpus: 2, memory: 4096, storage: 80, bandwidth: null },
    os: { id: 5, name: `O${text}` },
  });
}

describe('hostile strings render as text', () => {
  it.each(HOSTILE)('%s in every field of a list row', async (_label, text) => {
    const server = hostileServer(text);
    const { root } = await popup.render({ servers: [makeView(server)] });
    expect(root.querySelectorAll(INJECTED)).toHaveLength(0);
    const rows = root.querySelectorAll('li.row');
    expect(rows).toHaveLength(1);
    const name = rows[0]!.querySelector('.row-name')!;
    expect(name.children).toHaveLength(0);
    expect(name.textContent).toBe(`N${text}`);
    const meta = rows[0]!.querySelector('.row-meta')!;
    expect(meta.children).toHaveLength(0);
    expect(meta.textContent).toBe([`I${text}`, `L${text}`, `P${text}`].join(' · '));
    // The tooltip carries the whole name, as an attribute value (not parsed as markup).
    expect(rows[0]!.querySelector('.row-main')!.getAttribute('title')).toBe(`N${text}`);
  });

  it.each(HOSTILE)('%s in every field of the detail view', async (_label, text) => {
    const server = hostileServer(text);
    const fake = createFakeBridge({ servers: [makeView(server)] });
    fake.handle(InvokeChannel.serversGet, () => ({
      ok: true,
      value: makeDetail(server, { ipv6_address: `V${text}` }),
    }));
    const { root } = await popup.render(fake);
    await click(root.querySelector<HTMLElement>('.row-main')!);
    expect(root.querySelectorAll(INJECTED)).toHaveLength(0);
    const title = root.querySelector('.detail-title')!;
    expect(title.textContent).toBe(`N${text}`);
    // The fields come in two lists (the glance's, then the rest).
    const fields = root.querySelector('.detail-view')!;
    const fieldText = [...fields.querySelectorAll('dl.fields')].map((list) => list.textContent).join('');
    for (const tagged of ['I', 'V', 'H', 'P', 'O', 'L']) expect(fieldText).toContain(`${tagged}${text}`);
    // The hostname may wrap anywhere (it is the one field shown whole); the title stays one clipped line.
    const hostname = [...fields.querySelectorAll('dd')].find((dd) => dd.textContent === `H${text}`);
    expect(hostname?.classList.contains('wrap')).toBe(true);
  });

  it.each(HOSTILE)('%s as the API’s error text of a failed action', async (_label, text) => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    fake.handle(InvokeChannel.serversReboot, () =>
      fail({ kind: 'bad-request', status: 400, message: `VPS.org said ${text}`, apiText: text }),
    );
    const { root } = await popup.render(fake);
    await click(getByRole(root, 'button', 'Reboot web-01'));
    await click(root.querySelector<HTMLElement>('.row-extra button.confirm-reboot')!);
    expect(root.querySelectorAll(INJECTED)).toHaveLength(0);
    const notice = getByRole(root.querySelector('li.row')!, 'alert');
    expect(notice.classList.contains('notice-text')).toBe(true);
    expect(notice.textContent).toContain(text.trim());
    // Only the popup's own decoration (an aria-hidden icon) besides the text.
    for (const element of notice.querySelectorAll('*')) expect(element.matches('span[aria-hidden="true"]')).toBe(true);
  });

  it.each(HOSTILE)('%s as the stale message: worded from the kind, the raw text not shown', async (_label, text) => {
    const fake = createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] });
    const { root } = await popup.render(fake);
    await act(() =>
      fake.emit(EventChannel.fleetChanged, {
        upserted: [],
        removed: [],
        status: loadedStatus({ stale: { kind: 'server', status: 502, message: text, since: Date.now() } }),
      }),
    );
    await settle();
    const banner = root.querySelector<HTMLElement>('[data-testid="stale-banner"]')!;
    expect(banner).not.toBeNull();
    expect(root.querySelectorAll(INJECTED)).toHaveLength(0);
    expect(banner.textContent).not.toContain(text.trim());
  });
});
