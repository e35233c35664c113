// The transport's own TCP connection (src/call/tcp.ts, Node's TCP handle without node:net) against
// net.Socket, connected to the same kind of server: what each reports — connected or the error's
// code, the bytes read, the end, a read error's code, the idle timeout — is the same. The exchange
// (transport.ts) relies on exactly these events; node:http takes over from them for odd answers.
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { TcpConnection, tcpBindings } from '../../src/call/tcp';
import type { Connection } from '../../src/call/connection';

const REQUEST = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc';
const ANSWER = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello';

interface Transcript {
  connected: boolean;
  received: string;
  ended: boolean;
  error?: string;
  timedOut: boolean;
  writeDone: boolean;
}

const servers: Server[] = [];
const accepted: Socket[] = [];
afterEach(async () => {
  for (const socket of accepted.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server on 127.0.0.1 that treats each connection with `behave`; its port. */
async function serve(behave: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    accepted.push(socket);
    socket.on('error', () => {});
    behave(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Connects with `open`, writes the request once connected, and records what the connection reports. */
function transcript(open: () => Connection, idleMs: number): Promise<Transcript> {
  return new Promise((resolve) => {
    const t: Transcript = { connected: false, received: '', ended: false, timedOut: false, writeDone: false };
    const wire = open();
    const finish = () => {
      wire.setTimeout(0);
      wire.destroy();
      // what is still on its way after a finish (a close after an end) is not part of it
      setTimeout(() => resolve(t), 50);
    };
    wire.on('error', (error: NodeJS.ErrnoException) => {
      t.error = error.code;
      finish();
    });
    wire.once('connect', () => {
      t.connected = true;
      wire.on('data', (chunk: Buffer) => (t.received += chunk.toString('latin1')));
      wire.once('end', () => {
        t.ended = wire.readableEnded;
        finish();
      });
      wire.setTimeout(idleMs, () => {
        t.timedOut = true;
        finish();
      });
      wire.write(Buffer.from(REQUEST, 'latin1'), () => (t.writeDone = true));
    });
  });
}

const behaviours: Record<string, (socket: Socket) => void> = {
  'answers and closes': (s) => s.once('data', () => s.end(ANSWER)),
  'answers in pieces, then closes': (s) =>
    s.once('data', () => {
      const pieces = [ANSWER.slice(0, 7), ANSWER.slice(7, 20), ANSWER.slice(20)];
      const next = () => (pieces.length ? s.write(pieces.shift()!, () => setTimeout(next, 20)) : s.end());
      next();
    }),
  'closes without answering': (s) => s.once('data', () => s.end()),
  'resets after the request': (s) => s.once('data', () => s.resetAndDestroy()),
  'answers, then resets': (s) => s.once('data', () => s.write(ANSWER, () => setTimeout(() => s.resetAndDestroy(), 20))),
  'answers a large body': (s) => s.once('data', () => s.end(`HTTP/1.1 200 OK\r\nContent-Length: 300000\r\n\r\n${'x'.repeat(300_000)}`)),
  'never answers (idle timeout)': () => {},
};

describe.skipIf(!tcpBindings())('the transport TCP connection reports what net.Socket reports', () => {
  test.each(Object.entries(behaviours))('%s', async (_name, behave) => {
    const port = await serve(behave);
    const viaNet = await transcript(() => netConnect({ host: '127.0.0.1', port, noDelay: true }), 300);
    const viaHandle = await transcript(() => TcpConnection.connect(tcpBindings()!, '127.0.0.1', port), 300);
    expect(viaHandle).toEqual(viaNet);
    expect(viaHandle.connected).toBe(true);
  });

  test('a refused connection', async () => {
    const port = await serve(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const viaNet = await transcript(() => netConnect({ host: '127.0.0.1', port, noDelay: true }), 300);
    const viaHandle = await transcript(() => TcpConnection.connect(tcpBindings()!, '127.0.0.1', port), 300);
    expect(viaHandle).toEqual(viaNet);
    expect(viaHandle.error).toBe('ECONNREFUSED');
  });
});
