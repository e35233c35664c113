// A TLS endpoint for tests: a throw-away CA and a server certificate for localhost/127.0.0.1,
// made with the openssl command at test time, and an HTTPS server in front of a FakeEc2-style
// handler. Also an HTTP proxy (absolute-URI requests and CONNECT tunnels) that records its traffic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import { createServer as createHttp, request as httpRequest, type Server as HttpServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  readonly dir: string;
  /** PEM file of the CA certificate (what --ca-bundle points at). */
  readonly caFile: string;
  readonly key: Buffer;
  readonly cert: Buffer;
  /** A certificate for another name, signed by the same CA. */
  readonly otherKey: Buffer;
  readonly otherCert: Buffer;
}

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'aws-tls-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = (name: string, san: string) => {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  leaf('localhost', 'DNS:localhost,IP:127.0.0.1');
  leaf('other', 'DNS:other.example');
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    key: readFileSync(join(dir, 'localhost.key')),
    cert: readFileSync(join(dir, 'localhost.pem')),
    otherKey: readFileSync(join(dir, 'other.key')),
    otherCert: readFileSync(join(dir, 'other.pem')),
  };
}

const SUCCESS =
  '<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>' +
  '<success>true</success></ReleaseIpamPoolAllocationResponse>';

/** An HTTPS EC2 endpoint answering success, counting requests. */
export class TlsEc2 {
  requests = 0;
  private server?: HttpsServer;
  constructor(private readonly credentials: { key: Buffer; cert: Buffer }) {}

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<this> {
    this.server = createHttps(this.credentials, (req, res) => {
      req.resume();
      req.on('end', () => {
        this.requests++;
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(SUCCESS);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** An HTTP proxy: forwards absolute-URI requests and tunnels CONNECT to 127.0.0.1 only; records what it saw. */
export class TestProxy {
  readonly log: Array<{ method: string; target: string; auth?: string }> = [];
  private server?: HttpServer;
  private readonly sockets = new Set<Socket>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createHttp((req, res) => {
      this.log.push({ method: req.method ?? '', target: req.url ?? '', auth: req.headers['proxy-authorization'] });
      const target = new URL(req.url ?? '');
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    this.server.on('connect', (req, socket: Socket, head: Buffer) => {
      this.log.push({ method: 'CONNECT', target: req.url ?? '', auth: req.headers['proxy-authorization'] });
      this.sockets.add(socket);
      const [host, port] = (req.url ?? '').split(':');
      if (host !== '127.0.0.1' && host !== 'localhost') {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      this.sockets.add(upstream);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
