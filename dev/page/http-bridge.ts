// Bridge over HTTP + server-sent events, used by `npm run preview` in an ordinary browser. Every
// request carries the run's token, which the preview wrote into this page (dev/preview.ts).
import { installBridge } from './install-bridge';

// Kept in step with PREVIEW_TOKEN_META, PREVIEW_TOKEN_HEADER and PREVIEW_TOKEN_PARAM in dev/preview.ts
// (this file is bundled for the page and must not pull in the preview's Node code).
const token = document.querySelector<HTMLMetaElement>('meta[name="vps-preview-token"]')?.content ?? '';

installBridge(async (channel, request) => {
  const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vps-preview-token': token },
    body: JSON.stringify({ request }),
  });
  return (await response.json()) as unknown;
});

const events = new EventSource(`/__events?token=${encodeURIComponent(token)}`);
events.addEventListener('message', (message: MessageEvent<string>) => {
  const { channel, payload } = JSON.parse(message.data) as { channel: string; payload: unknown };
  window.vpsHarnessEmit?.(channel, payload);
});
