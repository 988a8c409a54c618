// Bridge over HTTP + server-sent events, used by `npm run preview` in an ordinary browser.
import { installBridge } from './install-bridge';

installBridge(async (channel, request) => {
  const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request }),
  });
  return (await response.json()) as unknown;
});

const events = new EventSource('/__events');
events.addEventListener('message', (message: MessageEvent<string>) => {
  const { channel, payload } = JSON.parse(message.data) as { channel: string; payload: unknown };
  window.vpsHarnessEmit?.(channel, payload);
});
