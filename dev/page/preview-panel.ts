// The preview page's panel, beside the popup's frame (dev/preview-shell.ts serves the page): its fault
// switches call the preview, and the notifications the app sends arrive over the panel's event stream
// and show as toasts. Bundled as a classic script; it never touches the popup's frame.

// Kept in step with PREVIEW_TOKEN_META, PREVIEW_TOKEN_HEADER and PREVIEW_TOKEN_PARAM in dev/preview.ts
// and the paths in dev/preview-shell.ts (this file is bundled for the page, without the preview's Node code).
const token = document.querySelector<HTMLMetaElement>('meta[name="vps-preview-token"]')?.content ?? '';
/** Toasts shown at once; the oldest goes. */
export const TOAST_LIMIT = 5;

interface PreviewNotification {
  id: number;
  title: string;
  body: string;
  at: number;
}

type FaultState = Record<string, boolean>;

const form = document.querySelector<HTMLFormElement>('[data-testid="preview-faults"]');
const faultStatus = document.querySelector<HTMLElement>('[data-testid="fault-status"]');
const toasts = document.querySelector<HTMLElement>('[data-testid="preview-toasts"]');
const list = toasts?.querySelector<HTMLOListElement>('.toast-list');

function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vps-preview-token': token },
    body: JSON.stringify(body),
  });
}

function showFaults(state: FaultState): void {
  const on: string[] = [];
  for (const input of form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) {
    input.checked = state[input.name] === true;
    input.closest('label')?.classList.toggle('on', input.checked);
    if (input.checked) on.push(input.name);
  }
  if (faultStatus) faultStatus.textContent = on.length === 0 ? 'The API answers normally.' : `On: ${on.join(', ')}`;
  document.body.dataset.faults = on.join(' ');
}

form?.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement)) return;
  input.disabled = true;
  void post('/__preview/faults', { fault: input.name, on: input.checked })
    .then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      showFaults(((await response.json()) as { faults: FaultState }).faults);
    })
    .catch((error: unknown) => {
      if (faultStatus) faultStatus.textContent = `Could not switch ${input.name}: ${String(error)}`;
    })
    .finally(() => {
      input.disabled = false;
    });
});

function toast(notification: PreviewNotification): void {
  if (!list || !toasts) return;
  toasts.classList.add('has-toasts');
  const item = document.createElement('li');
  item.className = 'toast';
  item.dataset.testid = 'preview-toast';
  const time = new Date(notification.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const head = document.createElement('div');
  head.className = 'toast-head';
  const app = document.createElement('span');
  app.className = 'toast-app';
  app.textContent = `VPS.org Tray · ${time}`;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', (event) => {
    event.stopPropagation();
    item.remove();
    if (list.childElementCount === 0) toasts.classList.remove('has-toasts');
  });
  head.append(app, close);
  const title = document.createElement('strong');
  title.className = 'toast-title';
  title.textContent = notification.title;
  const body = document.createElement('p');
  body.className = 'toast-body';
  body.textContent = notification.body;
  item.append(head, title, body);
  item.title = 'Click: what the desktop does on a click';
  item.addEventListener('click', () => void post('/__preview/click', { id: notification.id }));
  list.prepend(item);
  while (list.childElementCount > TOAST_LIMIT) list.lastElementChild?.remove();
}

const events = new EventSource(`/__preview/events?token=${encodeURIComponent(token)}`);
events.addEventListener('faults', (message: MessageEvent<string>) =>
  showFaults(JSON.parse(message.data) as FaultState),
);
events.addEventListener('notification', (message: MessageEvent<string>) =>
  toast(JSON.parse(message.data) as PreviewNotification),
);
