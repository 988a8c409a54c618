// Every secret this process has seen (API tokens, the demo's token), so that no text leaving the main
// process (IPC answers, events, notifications, the log) can carry one out: defence in depth behind the
// API client's own redaction.
export const REDACTED = '[redacted]';

/** Shorter secrets are not looked for: they would shred ordinary text and cannot be real tokens. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  add(secret: string): void;
  /** `text` with every known secret replaced by `[redacted]`. */
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      secrets.add(secret);
    },
    redact(text) {
      let result = text;
      for (const secret of secrets)
        if (secret.length >= MIN_SECRET_LENGTH && result.includes(secret)) result = result.split(secret).join(REDACTED);
      return result;
    },
  };
}
