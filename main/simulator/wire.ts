// The HTTP side of the simulator: reading a request's body, parsing it as JSON, and sending an answer.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer before it is sent: status, JSON body (none when undefined) and extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ParsedBody =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'malformed'; text: string; error: string };

const MAX_BODY_BYTES = 1024 * 1024;

export function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', text, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The body's JSON value; undefined when it was empty or not JSON. */
export const bodyValue = (body: ParsedBody): unknown => (body.kind === 'json' ? body.value : undefined);

export function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string | undefined) {
  if (res.destroyed || res.headersSent) return;
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (text === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** The body as text, or null when it is larger than the simulator accepts (1 MiB). */
export function readText(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
