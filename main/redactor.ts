// Every secret this process has seen (API tokens, the demo's token), so that no text leaving the main
// process (IPC answers, events, notifications, the log) can carry one out: defence in depth behind the
// API client's own redaction.
//
// A token is found as it was given and as it is written into the texts that may quote it: URL-encoded
// (a query string or a form body: %XX in upper or lower case, a space as +) and JSON-escaped (inside a
// JSON string: \" \\ \uXXXX, and / as \/ where an encoder escapes slashes).
const REDACTED = '[redacted]';

/** Shorter secrets are not looked for: they would shred ordinary text and cannot be real tokens. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  add(secret: string): void;
  /** `text` with every known secret, in every written form above, replaced by `[redacted]`. */
  redact(text: string): string;
}

/** The ways `secret` may be written into a text, itself first. */
function writtenForms(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replaceAll('%20', '+'),
    json,
    json.replaceAll('/', '\\/'),
  ];
  return [...new Set(forms)];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  /** Every written form of every secret, longest first (a form inside a longer one never splits it). */
  let pattern: RegExp | null = null;
  return {
    add(secret) {
      if (secrets.has(secret)) return;
      secrets.add(secret);
      const forms = [...secrets]
        .filter((known) => known.length >= MIN_SECRET_LENGTH)
        .flatMap(writtenForms)
        .toSorted((a, b) => b.length - a.length);
      pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : null;
    },
    redact(text) {
      return pattern ? text.replace(pattern, REDACTED) : text;
    },
  };
}
