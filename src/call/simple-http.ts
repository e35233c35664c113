// The common exchange without node:http (~4 ms and ~1.5 MB to load): a request whose head Node's
// ClientRequest would write as given, and an answer of the plain kind (HTTP/1.1, a status with a
// reason, token headers with printable values, one Content-Length, no Transfer-Encoding, exactly
// that many bytes). transport.ts writes such a request itself and reads such an answer itself;
// anything else it hands to node:http as received, so every odd answer keeps the handling (and the
// messages) it has there.
import type { RawResponse } from './response';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Values Node writes unchanged: tab, printable ASCII and latin-1 bytes (see header-values.ts). */
const WRITTEN_AS_IS = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers whose presence changes what Node adds to a request head. */
const NODE_MANAGED = new Set(['connection', 'transfer-encoding', 'expect', 'upgrade', 'trailer', 'te']);

/**
 * The bytes ClientRequest writes for this request (an agent-less request with a Content-Length:
 * the head as given, then `Connection: close`), or undefined when Node would write something else.
 */
export function simpleRequestBytes(method: string, target: string, headers: Readonly<Record<string, string>>, body: string | Uint8Array | undefined): Buffer | undefined {
  if (!TOKEN.test(method) || method === 'CONNECT' || method === 'HEAD' || /[\x00-\x20\x7f-\uffff]/.test(target)) return undefined;
  let length: string | undefined;
  let head = `${method} ${target} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name) || !WRITTEN_AS_IS.test(value) || NODE_MANAGED.has(lower)) return undefined;
    if (lower === 'content-length') {
      if (length !== undefined) return undefined;
      length = value;
    }
    head += `${name}: ${value}\r\n`;
  }
  const bodyBytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  if (length !== String(bodyBytes.length)) return undefined;
  return Buffer.concat([Buffer.from(`${head}Connection: close\r\n\r\n`, 'latin1'), bodyBytes]);
}

export type SimpleAnswer =
  /** The whole answer, as node:http would have given it. */
  | { readonly kind: 'complete'; readonly response: RawResponse }
  /** Of the plain kind so far; more bytes are needed (`total`: how many in all, once the head is read). */
  | { readonly kind: 'incomplete'; readonly total?: number }
  /** Not of the plain kind: node:http decides. */
  | { readonly kind: 'other' };

const STATUS_LINE = /^HTTP\/1\.1 ([2-5][0-9][0-9]) ([A-Za-z](?:[A-Za-z0-9 '-]*[A-Za-z0-9])?)\r\n/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+): ?([\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)$/;
/** Well inside both node:http's head limit (16 KB) and http.client's (100 headers). */
const MOST_HEAD_BYTES = 8192;
const MOST_HEADERS = 100;

/** Reads the bytes received so far as a plain answer, if they are one. */
export function readSimpleAnswer(received: Buffer): SimpleAnswer {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd === -1) {
    const plainSoFar = received.length < MOST_HEAD_BYTES && 'HTTP/1.1 '.startsWith(received.toString('latin1', 0, 9));
    return plainSoFar ? { kind: 'incomplete' } : { kind: 'other' };
  }
  if (headEnd > MOST_HEAD_BYTES) return { kind: 'other' };
  const head = received.toString('latin1', 0, headEnd + 2);
  const status = STATUS_LINE.exec(head);
  if (!status) return { kind: 'other' };
  const code = Number(status[1]);
  if (code === 204 || code === 304) return { kind: 'other' };
  const lines = head.slice(status[0].length, -2).split('\r\n');
  if (lines.length > MOST_HEADERS || (lines.length === 1 && lines[0] === '')) return { kind: 'other' };
  const headers: Record<string, string> = {};
  let length: number | undefined;
  for (const line of lines) {
    const header = HEADER_LINE.exec(line);
    if (!header) return { kind: 'other' };
    const name = header[1]!.toLowerCase();
    const value = header[2]!;
    if (name === 'transfer-encoding') return { kind: 'other' };
    if (name === 'content-length') {
      if (length !== undefined || !/^[0-9]{1,15}$/.test(value)) return { kind: 'other' };
      length = Number(value);
    }
    // as transport.ts's answerOf flattens node:http's raw headers
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  if (length === undefined) return { kind: 'other' };
  const bodyStart = headEnd + 4;
  if (received.length < bodyStart + length) return { kind: 'incomplete', total: bodyStart + length };
  if (received.length > bodyStart + length) return { kind: 'other' };
  return { kind: 'complete', response: { statusCode: code, reason: status[2]!, headers, body: received.subarray(bodyStart) } };
}
