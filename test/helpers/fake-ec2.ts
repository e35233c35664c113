// A small EC2 Query endpoint on 127.0.0.1 for tests: answers each request with the next
// scripted reply (or a default success) and records every request that reached it.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerSignature } from './secrets';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  form: Record<string, string>;
}

/**
 * Reads a whole request as a fake AWS endpoint records it. Its signature is registered as a
 * secret: runCommand fails a test whose output shows it.
 */
export function recordRequest(req: IncomingMessage, then: (request: RecordedRequest) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    registerSignature(req.headers.authorization);
    then({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, form: Object.fromEntries(new URLSearchParams(body)) });
  });
}

export interface Reply {
  status?: number;
  /** Text (sent as UTF-8) or bytes, sent as they are. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Drop the connection without an answer. */
  destroy?: boolean;
}

export const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export function successReply(success = true): Reply {
  return {
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="${EC2_NS}">` +
      `<requestId>1a2b3c4d-0000-4000-8000-000000000001</requestId><success>${success}</success>` +
      '</ReleaseIpamPoolAllocationResponse>',
  };
}

export function errorReply(code: string, message: string, status = 400): Reply {
  return {
    status,
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>' +
      `<Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
      '<RequestID>1a2b3c4d-0000-4000-8000-000000000002</RequestID></Response>',
  };
}

export class FakeEc2 {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Reply[] = [];
  private server?: Server;
  defaultReply: Reply = successReply();

  /** Queues replies for the next requests, in order. */
  reply(...replies: Reply[]): this {
    this.queue.push(...replies);
    return this;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      recordRequest(req, (request) => {
        this.requests.push(request);
        const reply = this.queue.shift() ?? this.defaultReply;
        const send = () => {
          if (reply.destroy) {
            req.socket.destroy();
            return;
          }
          const payload = Buffer.from(reply.body ?? '');
          res.writeHead(reply.status ?? 200, {
            'Content-Type': 'text/xml;charset=UTF-8',
            'Content-Length': String(payload.length),
            ...reply.headers,
          });
          res.end(payload);
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
