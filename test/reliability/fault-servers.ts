// Misbehaving endpoints on 127.0.0.1, one per kind of fault a network or a service can throw at
// the CLI: refused connections, resets mid-answer, silence, trickled headers, short bodies, 5xx
// and throttling storms, clock-skew errors, TLS handshakes that fail, proxies that refuse CONNECT.
// Each counts the connections and the complete requests it saw. Plain `net`/`tls` servers, so a
// fault can happen anywhere in the exchange, not just where an HTTP library allows it.
// serve-fault.ts starts one from the command line, for running other CLIs (the 2.33.31 oracle)
// against exactly the same fault.
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export const EC2_SUCCESS =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  '<requestId>00000000-0000-4000-8000-000000000001</requestId><success>true</success></ReleaseIpamPoolAllocationResponse>';

export const ec2Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
  '<RequestID>00000000-0000-4000-8000-000000000002</RequestID></Response>';

/** The success answer with unknown content before <success> (answers grow; clients must skip what they do not know). */
function withJunk(junk: string): string {
  return EC2_SUCCESS.replace('<success>', `<junk>${junk}</junk><success>`);
}

/** A full HTTP/1.1 answer with a correct Content-Length. */
export function httpAnswer(status: number, body: string, reason = 'Whatever', headers: Record<string, string> = {}): string {
  const head = [`HTTP/1.1 ${status} ${reason}`, 'Content-Type: text/xml;charset=UTF-8', `Content-Length: ${Buffer.byteLength(body)}`];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/** What the server does with its n-th complete request (0-based, counted over all connections). */
type RequestHandler = (socket: Socket, index: number, ctx: FaultContext) => void;

export interface FaultSpec {
  readonly description: string;
  /** The scheme of the server's URL (https for the TLS faults; a proxy itself is plain http). */
  readonly scheme: 'http' | 'https';
  /** Starts the server on 127.0.0.1, port 0. */
  start(ctx: FaultContext): Promise<Server>;
  /** For a proxy fault: the endpoint the CLI is sent to through the proxy. */
  readonly proxied?: boolean;
}

export interface FaultCounts {
  connections: number;
  requests: number;
}

/** One running server's counters and what stop() must clean up. */
export interface FaultContext {
  readonly counts: FaultCounts;
  readonly sockets: Set<Socket>;
  readonly timers: Set<NodeJS.Timeout>;
}

/** Calls `handle` once per complete HTTP request (headers plus Content-Length body). */
function httpServer(handle: RequestHandler, ctx: FaultContext): Server {
  return createNetServer((socket) => serveHttp(socket, handle, ctx));
}

function track(socket: Socket, ctx: FaultContext): void {
  ctx.counts.connections++;
  ctx.sockets.add(socket);
  socket.on('close', () => ctx.sockets.delete(socket));
  socket.on('error', () => {});
}

function serveHttp(socket: Socket, handle: RequestHandler, ctx: FaultContext): void {
  track(socket, ctx);
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.subarray(end + 4 + length);
      handle(socket, ctx.counts.requests++, ctx);
    }
  });
}

function later(ctx: FaultContext, ms: number, action: () => void): void {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    action();
  }, ms);
  ctx.timers.add(timer);
}

/** Writes `parts` one after the other, `gapMs` apart; `end`: closes the connection after the last. */
function trickle(ctx: FaultContext, socket: Socket, parts: readonly string[], gapMs: number, end = false): void {
  const [first, ...rest] = parts;
  if (first === undefined || socket.destroyed) return;
  if (end && rest.length === 0) socket.end(first);
  else socket.write(first);
  later(ctx, gapMs, () => trickle(ctx, socket, rest, gapMs, end));
}

/** A plain HTTP fault: every request is answered by `handle`. */
function http(description: string, handle: RequestHandler): FaultSpec {
  return { description, scheme: 'http', start: (ctx) => listen(httpServer(handle, ctx)) };
}

/** The same answer for every request. */
const always = (description: string, answer: string): FaultSpec => http(description, (socket) => socket.write(answer));

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
}

/** The fault kinds; `tls` (a certificate and key) is needed only by the TLS ones. */
export function faults(tls?: TlsMaterial): Record<string, FaultSpec> {
  return {
    ok: always('a healthy endpoint: success every time', httpAnswer(200, EC2_SUCCESS, 'OK')),
    refused: {
      description: 'nothing listens on the port',
      scheme: 'http',
      async start() {
        // a port that was free a moment ago: bind, note it, close
        const probe = await listen(createNetServer());
        const port = (probe.address() as AddressInfo).port;
        await new Promise<void>((resolve) => probe.close(() => resolve()));
        return { address: () => ({ port }), close: (cb?: () => void) => cb?.() } as unknown as Server;
      },
    },
    'reset-on-connect': {
      description: 'the connection is reset as soon as it is accepted',
      scheme: 'http',
      start: (ctx) =>
        listen(
          createNetServer((socket) => {
            track(socket, ctx);
            socket.resetAndDestroy();
          }),
        ),
    },
    'reset-mid-response': http('headers and half the body, then a TCP reset', (socket, _index, ctx) => {
      const answer = httpAnswer(200, EC2_SUCCESS, 'OK');
      socket.write(answer.slice(0, answer.length - 60), () => later(ctx, 50, () => socket.resetAndDestroy()));
    }),
    'close-mid-headers': http('half the status line and headers, then the connection is closed', (socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Ty');
    }),
    'no-answer': http('the request is read and never answered', () => {}),
    'slow-headers-within-timeout': http('headers trickled, never more than 400 ms apart, then the body', (socket, _index, ctx) => {
      const answer = httpAnswer(200, EC2_SUCCESS, 'OK');
      const cut = answer.indexOf('\r\n\r\n') + 4;
      const head = answer.slice(0, cut);
      const parts = [...head.match(/[\s\S]{1,12}/g)!.slice(0, 6), head.slice(72), answer.slice(cut)];
      trickle(ctx, socket, parts, 400);
    }),
    // answers whose first pieces are plain (read without node:http), then are or are not
    'plain-in-pieces': http('a plain answer in pieces: the status line split, then the head, then the body in two', (socket, _index, ctx) => {
      const answer = httpAnswer(200, EC2_SUCCESS, 'OK');
      const body = answer.indexOf('\r\n\r\n') + 4;
      trickle(ctx, socket, [answer.slice(0, 11), answer.slice(11, body), answer.slice(body, body + 50), answer.slice(body + 50)], 30);
    }),
    'chunked-after-plain-head': http('a chunked answer whose first piece looks plain', (socket, _index, ctx) => {
      const chunked = `${EC2_SUCCESS.length.toString(16)}\r\n${EC2_SUCCESS}\r\n0\r\n\r\n`;
      trickle(ctx, socket, ['HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n', 'Transfer-Encoding: chunked\r\n\r\n', chunked.slice(0, 40), chunked.slice(40)], 30);
    }),
    'close-delimited': http('an answer without Content-Length, ended by closing the connection', (socket, _index, ctx) => {
      trickle(ctx, socket, ['HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n', 'Connection: close\r\n\r\n', EC2_SUCCESS], 30, true);
    }),
    'headers-stall': http('the status line, then silence past the read timeout', (socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
    }),
    'truncated-body': http('Content-Length larger than the body, then the connection is closed', (socket) => {
      const body = EC2_SUCCESS.slice(0, 80);
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${EC2_SUCCESS.length}\r\n\r\n${body}`);
    }),
    'body-stall': http('headers and part of the body, then silence past the read timeout', (socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${EC2_SUCCESS.length}\r\n\r\n${EC2_SUCCESS.slice(0, 80)}`);
    }),
    'not-http': always('an answer that is not HTTP at all', 'SSH-2.0-OpenSSH_9.2\r\n'),
    '503-storm': always('503 Service Unavailable with an empty body, every time', httpAnswer(503, '', 'Service Unavailable')),
    '5xx-mix': http('500, 502, 504, then 503 forever, with XML error bodies', (socket, index) => {
      const codes: Array<[number, string]> = [[500, 'Internal Server Error'], [502, 'Bad Gateway'], [504, 'Gateway Timeout']];
      const [status, reason] = codes[index] ?? [503, 'Service Unavailable'];
      socket.write(httpAnswer(status, ec2Error('InternalError', 'An internal error has occurred'), reason));
    }),
    'html-502': always('an HTML page from a load balancer, 502', httpAnswer(502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', 'Bad Gateway', { 'Content-Type': 'text/html' })),
    'throttled-forever': always('RequestLimitExceeded on every attempt', httpAnswer(503, ec2Error('RequestLimitExceeded', 'Request limit exceeded.'), 'Service Unavailable')),
    'throttling-forever': always('Throttling (400) on every attempt', httpAnswer(400, ec2Error('Throttling', 'Rate exceeded'), 'Bad Request')),
    'throttled-once': http('RequestLimitExceeded once, then success', (socket, index) => {
      socket.write(index === 0 ? httpAnswer(503, ec2Error('RequestLimitExceeded', 'Request limit exceeded.'), 'Service Unavailable') : httpAnswer(200, EC2_SUCCESS, 'OK'));
    }),
    'clock-skew': always(
      'RequestTimeTooSkewed (the signature date is too far from the server clock)',
      httpAnswer(400, ec2Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'), 'Bad Request'),
    ),
    'auth-failure': always('AuthFailure (a wrong signature)', httpAnswer(401, ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials'), 'Unauthorized')),
    'empty-200': always('200 with an empty body', httpAnswer(200, '', 'OK')),
    'huge-answer': always('a 6 MB success answer: 300,000 elements the CLI does not know', httpAnswer(200, withJunk('<item><a>x</a></item>'.repeat(300_000)), 'OK')),
    'deep-answer': always('a success answer with an element nested 50,000 deep', httpAnswer(200, withJunk(`${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`), 'OK')),
    'malformed-xml-200': always('200 with XML cut short', httpAnswer(200, EC2_SUCCESS.slice(0, 140), 'OK')),
    'plain-http-on-tls': {
      description: 'a plain HTTP server where TLS is expected: it answers the ClientHello with a 400 and closes',
      scheme: 'https',
      start: (ctx) =>
        listen(
          createNetServer((socket) => {
            track(socket, ctx);
            socket.once('data', () => socket.end(httpAnswer(400, '<html><body>400 Bad Request</body></html>', 'Bad Request')));
          }),
        ),
    },
    'close-during-handshake': {
      description: 'the connection is closed as soon as the TLS ClientHello arrives',
      scheme: 'https',
      start: (ctx) =>
        listen(
          createNetServer((socket) => {
            track(socket, ctx);
            socket.once('data', () => socket.destroy());
          }),
        ),
    },
    'tls-self-signed': {
      description: 'TLS with a self-signed certificate nobody trusts',
      scheme: 'https',
      start: (ctx) => {
        if (!tls) throw new Error('tls-self-signed needs a certificate');
        const server = createTlsServer({ key: tls.key, cert: tls.cert }, (socket) => serveHttp(socket, (s) => s.write(httpAnswer(200, EC2_SUCCESS, 'OK')), ctx));
        server.on('tlsClientError', () => {});
        return listen(server);
      },
    },
    'proxy-refuses-connect': {
      description: 'an HTTP proxy that answers every CONNECT with 403 Forbidden',
      scheme: 'http',
      proxied: true,
      start: (ctx) => listen(proxyAnswering('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n', ctx)),
    },
    'proxy-wants-auth': {
      description: 'an HTTP proxy that answers every CONNECT with 407 Proxy Authentication Required',
      scheme: 'http',
      proxied: true,
      start: (ctx) => listen(proxyAnswering('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="p"\r\nContent-Length: 0\r\n\r\n', ctx)),
    },
  };
}

function proxyAnswering(answer: string, ctx: FaultContext): Server {
  return createNetServer((socket) => {
    track(socket, ctx);
    let seen = '';
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      ctx.counts.requests++;
      seen = '';
      socket.write(answer);
    });
  });
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** A running fault endpoint. */
export interface RunningFault {
  readonly url: string;
  readonly port: number;
  readonly counts: FaultCounts;
  stop(): Promise<void>;
}

export async function startFault(spec: FaultSpec): Promise<RunningFault> {
  const ctx: FaultContext = { counts: { connections: 0, requests: 0 }, sockets: new Set(), timers: new Set() };
  const server = await spec.start(ctx);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${spec.scheme}://127.0.0.1:${port}`,
    port,
    counts: ctx.counts,
    async stop() {
      for (const timer of ctx.timers) clearTimeout(timer);
      for (const socket of ctx.sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
