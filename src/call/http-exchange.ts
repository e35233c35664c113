// The exchange through node:http: for a request the transport does not write itself, and for an
// answer it does not read itself (chunked, no length, odd bytes, a close or a reset part-way),
// from the bytes received so far. Loaded only then: node:http and node:stream cost a call ~4 ms.
import { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { http } from '../util/builtins';
import type { RawResponse } from './response';
import { nodeRefuses } from './header-values';
import { closedBeforeAnswer, HttpClientError, pythonTimeOverflow, readTimeout } from './transport-errors';
import { firstOutcome, type Connection } from './connection';

/** What node:http is asked to send. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: string | Uint8Array;
}

/**
 * What node:http reads when it takes over an answer: the bytes the socket gave so far, then the
 * socket's own (its end, its error); what node:http writes is dropped, the request being sent.
 */
export class ReplayedSocket extends Duplex {
  private readonly queue: Buffer[];
  private ended: boolean;

  /** `failure`: the socket's error, when it failed before the hand-over. */
  constructor(socket: Connection, received: readonly Buffer[], private failure?: Error) {
    super();
    this.queue = [...received];
    this.ended = socket.readableEnded;
    socket.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      this.flush();
    });
    socket.once('end', () => {
      this.ended = true;
      this.flush();
    });
    socket.once('error', (error: Error) => {
      this.failure = error;
      this.flush();
    });
  }

  override _read(): void {
    this.flush();
  }

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  private flush(): void {
    while (this.queue.length > 0) if (!this.push(this.queue.shift())) return;
    if (this.failure) this.destroy(this.failure);
    else if (this.ended) this.push(null);
  }
}

/** State of the real socket that node:http's caller needs: every byte received, whether it was reset. */
export interface WireState {
  readonly received: Buffer[];
  reset: boolean;
}

/** node:http reads the answer from `stream` (the socket, or a ReplayedSocket over it). */
export function exchangeThroughHttp(
  stream: Duplex,
  socket: Connection,
  wire: WireState,
  request: HttpRequest,
  target: string,
  headers: Record<string, string>,
  readTimeoutMs: number | undefined,
  failOnceSent = false,
): Promise<RawResponse> {
  const closed = () => closedBeforeAnswer(request.url);
  return new Promise((resolve, reject) => {
    const finish = firstOutcome(socket);
    // What Python's http.client accepts when the server closes the connection early (a FIN, not a
    // reset): a status line is an answer even if the headers end mid-way, and a body shorter than
    // its Content-Length is the body. botocore then fails to parse it rather than retrying.
    const raw = wire.received;
    socket.on('data', (chunk: Buffer) => raw.push(chunk));
    socket.on('error', () => (wire.reset = true));
    const cutShort = (partial?: { res: IncomingMessage; body: Buffer }) => {
      if (wire.reset || !socket.readableEnded) return reject(closed());
      if (partial) return resolve(answerOf(partial.res, partial.body));
      const status = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?\r?\n/.exec(Buffer.concat(raw).toString('latin1'));
      if (!status) return reject(closed());
      resolve({ statusCode: Number(status[1]), reason: status[2] ?? '', headers: {}, body: Buffer.alloc(0) });
    };
    const { writable, restore } = writableHeaders(headers, request.body);
    const req = http().request({ createConnection: () => stream as Socket, method: request.method, path: target, headers: writable, setHost: false });
    restore(req);
    // listen before anything else can fail: an 'error' without a listener would end the process
    req.on('error', () => finish(() => setImmediate(() => cutShort())));
    if (readTimeoutMs !== undefined) {
      socket.setTimeout(readTimeoutMs, () => {
        finish(() => reject(readTimeout(request.url)));
        req.destroy();
        socket.destroy();
      });
    }
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const early = () => finish(() => setImmediate(() => cutShort({ res, body: Buffer.concat(chunks) })));
      res.on('error', early);
      res.on('aborted', early);
      res.on('end', () =>
        finish(() => {
          resolve(answerOf(res, Buffer.concat(chunks)));
          socket.destroy();
        }),
      );
    });
    req.end(request.body === undefined ? undefined : Buffer.from(request.body), () => {
      if (!failOnceSent) return;
      finish(() => reject(pythonTimeOverflow()));
      socket.destroy();
    });
  });
}

/** node:http's answer as the transport returns it: header names in lower case, repeated ones joined with ", ". */
export function answerOf(res: IncomingMessage, body: Buffer): RawResponse {
  const flat: Record<string, string> = {};
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!.toLowerCase();
    flat[name] = flat[name] === undefined ? res.rawHeaders[i + 1]! : `${flat[name]}, ${res.rawHeaders[i + 1]}`;
  }
  return { statusCode: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: flat, body };
}

/** The internals of Node's ClientRequest that hold the request head it is about to write. */
interface RequestHead {
  _header?: string | null;
  _implicitHeader?: () => void;
}

/**
 * Header bytes Python sends but Node refuses to write (control characters) go out as
 * placeholders, replaced in the request head once Node has built it; latin1 keeps one char per byte.
 */
function writableHeaders(headers: Record<string, string>, body: HttpRequest['body']): { writable: Record<string, string>; restore: (req: object) => void } {
  const swaps: Array<[string, string]> = [];
  const writable: Record<string, string> = {};
  // the head is built before the body is given: without a length Node would switch to chunked
  const hasLength = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  if (!hasLength && body !== undefined && Object.values(headers).some(nodeRefuses)) writable['Content-Length'] = String(Buffer.byteLength(body));
  for (const [name, value] of Object.entries(headers)) {
    if (!nodeRefuses(value)) writable[name] = value;
    else {
      const placeholder = `x-placeholder-${swaps.length}-${'z'.repeat(8)}`;
      swaps.push([placeholder, value]);
      writable[name] = placeholder;
    }
  }
  const restore = (req: object) => {
    if (!swaps.length) return;
    const head = req as RequestHead;
    if (typeof head._implicitHeader !== 'function') throw new HttpClientError('header value not writable');
    head._implicitHeader();
    let text = head._header ?? '';
    for (const [placeholder, value] of swaps) text = text.replace(placeholder, value);
    head._header = text;
  };
  return { writable, restore };
}
