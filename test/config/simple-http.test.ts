// The exchange without node:http (src/call/simple-http.ts) against node:http itself, property-based:
// a request it writes is byte for byte what ClientRequest writes, and an answer it reads whole is
// what node:http reads from the same bytes (status, reason, headers as the transport flattens them,
// body), however the bytes are split. Everything else it must leave to node:http.
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { Duplex } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readSimpleAnswer, simpleRequestBytes } from '../../src/call/simple-http';
import { answerOf } from '../../src/call/http-exchange';

const SEED = Number(process.env.SEED ?? 20261201);

/** What ClientRequest writes for an agent-less request on a socket of ours. */
function nodeWrites(method: string, target: string, headers: Record<string, string>, body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const written: Buffer[] = [];
    const socket = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        written.push(Buffer.from(chunk));
        callback();
      },
    });
    const req = httpRequest({ createConnection: () => socket as never, method, path: target, headers, setHost: false });
    req.on('error', reject);
    req.end(body, () => resolve(Buffer.concat(written)));
  });
}

interface Parsed {
  statusCode: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** What node:http reads from `chunks` as the answer to a POST (flattened by transport.ts's answerOf), or its error. */
function nodeReads(chunks: Buffer[]): Promise<Parsed | 'error'> {
  return new Promise((resolve) => {
    const socket = new Duplex({ read() {}, write: (_c, _e, callback) => callback() });
    const req = httpRequest({ createConnection: () => socket as never, method: 'POST', path: '/', headers: { 'Content-Length': '0' }, setHost: false });
    req.on('error', () => resolve('error'));
    req.on('response', (res) => {
      const body: Buffer[] = [];
      res.on('data', (c: Buffer) => body.push(c));
      res.on('error', () => resolve('error'));
      res.on('end', () => {
        const { statusCode, reason, headers } = answerOf(res, Buffer.alloc(0));
        resolve({ statusCode, reason, headers: { ...headers }, body: Buffer.concat(body).toString('latin1') });
      });
    });
    req.end();
    setImmediate(() => {
      for (const chunk of chunks) socket.push(chunk);
      socket.push(null);
    });
  });
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
/** Mostly plain, sometimes odd: `odd` one time in `1 / share`. */
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, share = 0.15) =>
  fc.oneof({ arbitrary: plain, weight: Math.round((1 - share) * 100) }, { arbitrary: odd, weight: Math.round(share * 100) });
const headerName = mostly(token, fc.constantFrom('Content-Type', 'content-length', 'Connection', 'Transfer-Encoding', 'X-Amz-Date', 'Bad Name', 'host'), 0.3);
const headerValue = mostly(
  fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,18}[\x21-\x7e])?$/),
  fc.constantFrom('', ' padded ', 'tab\there', 'latin\xe9', 'ctl\x01', 'text/xml;charset=UTF-8', '0', '12', '-1', '1e3', ' 5', 'chunked'),
);

describe('a request without node:http', () => {
  test('is written as ClientRequest writes it, or left to node:http', async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'GET', 'PUT', 'HEAD'),
        fc.constantFrom('/', '/p?q=1', '/a%20b', 'http://host:1/x'),
        fc.uniqueArray(fc.tuple(headerName, headerValue), { selector: ([n]) => n.toLowerCase(), maxLength: 6 }),
        fc.uint8Array({ maxLength: 40 }),
        mostly(fc.constant(true), fc.constant(false)),
        async (method, target, pairs, bodyBytes, withLength) => {
          const body = Buffer.from(bodyBytes);
          const headers = Object.fromEntries(pairs.filter(([n]) => n.toLowerCase() !== 'content-length'));
          if (withLength) headers['content-length'] = String(body.length);
          const ours = simpleRequestBytes(method, target, headers, body);
          if (!ours) return;
          written++;
          expect(ours.toString('latin1')).toBe((await nodeWrites(method, target, headers, body)).toString('latin1'));
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
    expect(written).toBeGreaterThan(40);
  });

  test('an EC2 call is of the plain kind', () => {
    const body = 'Action=ReleaseIpamPoolAllocation&Version=2016-11-15';
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), host: '127.0.0.1:1', authorization: 'AWS4-HMAC-SHA256 Credential=A/20261201/us-east-1/ec2/aws4_request' };
    expect(simpleRequestBytes('POST', '/', headers, body)).toBeDefined();
  });
});

/** Answers: mostly plain, with the oddities node:http and http.client treat their own ways. */
const answer = fc
  .record({
    version: mostly(fc.constant('HTTP/1.1'), fc.constantFrom('HTTP/1.0', 'HTTP/2', 'HTTX/1.1', 'http/1.1')),
    status: mostly(fc.constantFrom('200', '400', '403', '500', '503'), fc.constantFrom('204', '304', '100', '101', '999', '20', 'abc')),
    reason: mostly(fc.constantFrom('OK', 'Bad Request', 'Internal Server Error', 'Service Unavailable', "Don't"), fc.constantFrom('', ' OK', 'OK ', 'Ã©', 'a\tb')),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    length: mostly(fc.constant<'exact' | 'none' | 'short' | 'long' | 'twice'>('exact'), fc.constantFrom<'exact' | 'none' | 'short' | 'long' | 'twice'>('none', 'short', 'long', 'twice')),
    body: fc.constantFrom('', '<a/>', '<R xmlns="x"><success>true</success></R>', 'x'.repeat(300)),
    separator: mostly(fc.constantFrom(': ', ':'), fc.constantFrom(' : ', ':  ', ':\t')),
    splits: fc.array(fc.nat(400), { maxLength: 4 }),
  })
  .map((a) => {
    const lines = a.headers.filter(([n]) => n.toLowerCase() !== 'content-length').map(([n, v]) => `${n}${a.separator}${v}`);
    const n = a.body.length;
    if (a.length === 'exact') lines.push(`Content-Length: ${n}`);
    if (a.length === 'short') lines.push(`Content-Length: ${n + 5}`);
    if (a.length === 'long') lines.push(`Content-Length: ${Math.max(0, n - 1)}`);
    if (a.length === 'twice') lines.push(`Content-Length: ${n}`, `content-length: ${n}`);
    const bytes = Buffer.from(`${a.version} ${a.status}${a.reason ? ` ${a.reason}` : ''}\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n${a.body}`, 'latin1');
    const cuts = [...new Set(a.splits.map((s) => s % (bytes.length + 1)))].sort((x, y) => x - y);
    const chunks = [0, ...cuts].map((from, i) => bytes.subarray(from, [...cuts, bytes.length][i])).filter((c) => c.length > 0);
    return { bytes, chunks };
  });

describe('an answer without node:http', () => {
  test('read whole is what node:http reads, or left to node:http; never whole before its last byte', async () => {
    let whole = 0;
    await fc.assert(
      fc.asyncProperty(answer, async ({ bytes, chunks }) => {
        let received = Buffer.alloc(0);
        for (const [i, chunk] of chunks.entries()) {
          received = Buffer.concat([received, chunk]);
          const read = readSimpleAnswer(received);
          if (read.kind === 'other') return;
          if (read.kind === 'incomplete') continue;
          expect(i, 'whole only with the last byte').toBe(chunks.length - 1);
          whole++;
          const { statusCode, reason, headers, body } = read.response;
          expect({ statusCode, reason, headers, body: Buffer.from(body).toString('latin1') }).toEqual(await nodeReads([bytes]));
        }
      }),
      { seed: SEED, numRuns: 600 },
    );
    // the generator reaches the plain kind often enough for the comparison to mean something
    expect(whole).toBeGreaterThan(60);
  });

  test('the EC2 answer is read whole', () => {
    const body = '<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><success>true</success></ReleaseIpamPoolAllocationResponse>';
    const bytes = Buffer.from(`HTTP/1.1 200 OK\r\nServer: BaseHTTP/0.6 Python/3.11.2\r\nDate: Tue, 01 Dec 2026 18:00:00 GMT\r\nContent-Type: text/xml;charset=UTF-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(readSimpleAnswer(bytes).kind).toBe('complete');
    // once the head is in, the reader knows how many bytes the whole answer has
    expect(readSimpleAnswer(bytes.subarray(0, bytes.length - 1))).toEqual({ kind: 'incomplete', total: bytes.length });
    expect(readSimpleAnswer(bytes.subarray(0, 20))).toEqual({ kind: 'incomplete' });
  });
});
