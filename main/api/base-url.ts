// Where the token may be sent: the rule for the API base URL, used by the client and the settings schema.

/** Why an API address is refused: not a URL at all, or plain http to a host that is not this machine. */
export type ApiBaseUrlProblem = 'invalid-url' | 'insecure-scheme';

/** 127.0.0.0/8, ::1 and localhost: plain http to these never leaves the machine (demo, tests). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = host.split('.');
  return (
    octets.length === 4 && octets[0] === '127' && octets.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}

/**
 * Checks an API base URL: https anywhere, http only to a loopback host, since the token travels in
 * every request and plain http would show it to the network. Null when the address is acceptable.
 */
export function checkApiBaseUrl(address: string): ApiBaseUrlProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? null : 'insecure-scheme';
}
