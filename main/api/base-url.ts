// Where the token may be sent: the rule for the API base URL, used by the client and the settings schema.

/** Why an API address is refused: not a URL at all, or plain http to a host that is not this machine. */
export type ApiBaseUrlProblem = 'invalid-url' | 'insecure-scheme';

/**
 * A literal loopback address as a URL's `hostname` spells it: 127.0.0.0/8 or [::1]. The name `localhost`
 * is not one: a resolver (a hosts file, a proxy setting, DNS) decides where it goes, so plain http to it
 * is not guaranteed to stay on this machine. The URL parser has already normalised other spellings
 * (`127.1`, `0x7f.0.0.1`, `[0:0::1]`) to these forms.
 */
function isLoopbackAddress(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)
  );
}

/**
 * Checks an API base URL: https anywhere, http only to a literal loopback address, since the token
 * travels in every request and plain http would show it to the network. Null when the address is acceptable.
 */
export function checkApiBaseUrl(address: string): ApiBaseUrlProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && isLoopbackAddress(url.hostname) ? null : 'insecure-scheme';
}
