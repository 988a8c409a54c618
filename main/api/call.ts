// One request as the endpoints describe it to the transport (transport.ts), and the answer it hands back.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a request is for, in words used by error messages. */
export interface Purpose {
  /** "list servers", "reboot server 12" */
  phrase: string;
  /** "list", "reboot": the word before "request" in a timeout message. */
  verb: string;
  serverId?: number;
}

export interface Call {
  method: Method;
  url: URL;
  json?: unknown;
  purpose: Purpose;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body as received. */
  bytes: Uint8Array;
  /** The body decoded as UTF-8 (as Response.text() does), on first use. */
  readonly text: string;
}

const utf8 = new TextDecoder();

export function rawResponse(status: number, headers: Headers, bytes: Uint8Array): RawResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get text() {
      text ??= utf8.decode(bytes);
      return text;
    },
  };
}
