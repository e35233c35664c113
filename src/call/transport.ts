// Sends one HTTP request the way botocore's URLLib3Session does, and fails with its messages:
// TLS verification against --ca-bundle / AWS_CA_BUNDLE / ca_bundle (or none with
// --no-verify-ssl, with urllib3's warning), HTTP(S)_PROXY / NO_PROXY (absolute-URI requests
// for http, CONNECT tunnels for https), and separate connect and read timeouts.
import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { net } from '../util/builtins';
import { isIPv4Address, ipVersion } from '../util/ip';
import { readFileSync } from 'node:fs';
import { hostinfo, hostnameOf, pathWithoutParams, urlsplit, type SplitUrl } from '../util/pyurl';
import { maskProxyUrl, proxyFor } from '../config/client-settings';
import type { RawResponse } from './response';
import type { DebugLog } from './debug';
import { headerBytes, type HeaderEncoding } from './header-values';
import { readSimpleAnswer, simpleRequestBytes } from './simple-http';
import { PyError } from '../util/pyerror';
import { closedBeforeAnswer, HttpClientError, PYTHON_LONGEST_TIMEOUT_S, pythonTimeOverflow, readTimeout, TransportError } from './transport-errors';
import { TcpConnection, tcpBindings } from './tcp';
import { firstOutcome, type Connection } from './connection';

export { HttpClientError, TransportError } from './transport-errors';

export interface TransportOptions {
  /** false: no verification; a string: the CA bundle file; true: the default trust store. */
  readonly verify: boolean | string;
  /** Milliseconds; undefined waits for ever (a timeout of 0). */
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly env: NodeJS.ProcessEnv;
  /** Whether the environment's proxies apply (the container credentials client ignores them). */
  readonly useProxies: boolean;
  readonly log?: DebugLog;
  /** Where urllib3's InsecureRequestWarning goes. */
  readonly warn: (text: string) => void;
  /** Hosts already warned about in this run (Python shows a warning once). */
  readonly warnedHosts: Set<string>;
}

export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** How header text becomes bytes: UTF-8 for AWS calls (botocore's endpoint), latin-1 for the metadata fetchers. */
  readonly headerEncoding?: HeaderEncoding;
}

/** The text Python's warnings module prints for urllib3's InsecureRequestWarning (as the reference CLI shows it). */
function insecureWarning(host: string): string {
  return (
    '/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065: InsecureRequestWarning: Unverified HTTPS request ' +
    `is being made to host '${host}'. Adding certificate verification is strongly advised. See: ` +
    'https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n'
  );
}

export async function send(request: RawRequest, given: TransportOptions): Promise<RawResponse> {
  // urllib3 sets the connect timeout before it connects, the read timeout once the request is sent
  if ((given.connectTimeoutMs ?? 0) > PYTHON_LONGEST_TIMEOUT_S * 1000) throw pythonTimeOverflow();
  const readTooLong = (given.readTimeoutMs ?? 0) > PYTHON_LONGEST_TIMEOUT_S * 1000;
  const clamp = (ms: number | undefined) => (ms === undefined ? undefined : Math.min(ms, LONGEST_TIMER_MS));
  const options = { ...given, connectTimeoutMs: clamp(given.connectTimeoutMs), readTimeoutMs: clamp(given.readTimeoutMs) };
  const { https, host, port, path } = connectionTarget(request.url);
  let encoded: Record<string, string>;
  try {
    // http.client encodes and checks the headers before it connects
    encoded = headerBytes(request.headers, request.headerEncoding ?? 'utf-8');
  } catch (error) {
    if (error instanceof PyError) throw new HttpClientError(error.message);
    throw error;
  }
  const proxy = options.useProxies ? proxyFor(request.url, options.env) : undefined;
  const started = Date.now();

  let connection: Connection;
  let bytes: Buffer | undefined;
  let target = path;
  const headers: Record<string, string> = encoded;
  // http.client's Host: the port only when it is not the scheme's default
  if (!headers.host && !headers.Host) headers.Host = port === (https ? 443 : 80) ? formatHost(host) : `${formatHost(host)}:${port}`;
  if (proxy) {
    const proxyUrl = new URL(proxy);
    const proxyHost = proxyUrl.hostname.replace(/^\[|\]$/g, '');
    const proxyPort = Number(proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80));
    const auth = proxyUrl.username
      ? `Basic ${Buffer.from(`${decodeURIComponent(proxyUrl.username)}:${decodeURIComponent(proxyUrl.password)}`).toString('base64')}`
      : undefined;
    const proxyFailure = () => new TransportError(`Failed to connect to proxy URL: "${maskProxyUrl(proxy)}"`);
    options.log?.debug('urllib3.connectionpool', `Starting new ${https ? 'HTTPS' : 'HTTP'} connection (1): ${proxyHost}:${proxyPort}`);
    let socket: Socket = await whenConnected(() => net().connect({ host: proxyHost, port: proxyPort, noDelay: true }), proxyPort, options.connectTimeoutMs, proxyFailure, proxyFailure);
    if (https) {
      await tunnel(socket, `${formatHost(host)}:${port}`, auth, options.readTimeoutMs, proxyFailure);
      socket = await startTls(socket, host, request.url, options);
    } else {
      target = request.url;
      if (auth) headers['Proxy-Authorization'] = auth;
    }
    connection = socket;
    bytes = simpleRequestBytes(request.method, target, headers, request.body);
  } else {
    options.log?.debug('urllib3.connectionpool', `Starting new ${https ? 'HTTPS' : 'HTTP'} connection (1): ${host}:${port}`);
    bytes = simpleRequestBytes(request.method, target, headers, request.body);
    // a request the transport writes itself, over plain TCP to an IPv4 address: Node's TCP handle
    // without node:net (tcp.ts); everything else through node:net
    const bindings = bytes && !https && isIPv4Address(host) ? tcpBindings() : undefined;
    connection = await whenConnected(
      () => (bindings ? TcpConnection.connect(bindings, host, port) : net().connect({ host, port, noDelay: true })),
      port,
      options.connectTimeoutMs,
      () => new TransportError(`Could not connect to the endpoint URL: "${request.url}"`),
      () => new TransportError(`Connect timeout on endpoint URL: "${request.url}"`, true),
      () => closedBeforeAnswer(request.url),
    );
    if (https) connection = await startTls(connection as Socket, host, request.url, options);
  }

  const response = await exchange(connection, bytes, request, target, headers, options.readTimeoutMs, readTooLong);
  options.log?.debug(
    'urllib3.connectionpool',
    `${https ? 'https' : 'http'}://${formatHost(host)}:${port} "${request.method} ${target} HTTP/1.1" ${response.statusCode} ${response.body.length}` +
      ` (${Date.now() - started} ms)`,
  );
  return response;
}

/**
 * Where urllib3 connects for a URL, read the way Python reads it (the host as written, `127.1`
 * included), and the request target botocore asks for (the path without `;params`, and the query).
 * What urllib3 cannot parse or send is an "unhandled exception" of the HTTP client, retried like
 * a connection failure.
 */
function connectionTarget(url: string): { https: boolean; host: string; port: number; path: string } {
  const unhandled = (detail: string) => new HttpClientError(detail);
  let parts: SplitUrl;
  try {
    parts = urlsplit(url);
  } catch {
    throw unhandled(`Failed to parse: ${url}`);
  }
  const portText = hostinfo(parts.netloc).port;
  if (portText !== undefined && !/^[0-9]{1,5}$/.test(portText)) throw unhandled(`Failed to parse: ${url}`);
  const port = portText === undefined ? undefined : Number.parseInt(portText, 10);
  if (port !== undefined && port > 65535) throw unhandled(`Failed to parse: ${url}`);
  if (parts.scheme !== 'http' && parts.scheme !== 'https') throw unhandled(`Not supported URL scheme ${parts.scheme}`);
  const https = parts.scheme === 'https';
  const path = encodeInvalidChars(pathWithoutParams(parts) || '/', PATH_CHARS) + (parts.query ? `?${encodeInvalidChars(parts.query, QUERY_CHARS)}` : '');
  return { https, host: hostnameOf(parts) ?? '', port: port ?? (https ? 443 : 80), path };
}

// urllib3's _encode_target: what RFC 3986 does not allow in a path or query is percent-encoded
// before the request line is written (botocore hands the endpoint's path over as written).
const PATH_CHARS = /[A-Za-z0-9._~\-!$&'()*+,;=:@/]/;
const QUERY_CHARS = /[A-Za-z0-9._~\-!$&'()*+,;=:@/?]/;

function encodeInvalidChars(component: string, allowed: RegExp): string {
  let escapes = 0;
  const normalised = component.replace(/%[a-fA-F0-9]{2}/g, (escape) => {
    escapes++;
    return escape.toUpperCase();
  });
  const bytes = Buffer.from(normalised, 'utf8');
  // a lone `%` makes every `%` literal, to be encoded itself
  const keepPercent = escapes === bytes.filter((byte) => byte === 0x25).length;
  let encoded = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if ((keepPercent && char === '%') || (byte < 128 && allowed.test(char))) encoded += char;
    else encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function formatHost(host: string): string {
  return ipVersion(host) === 6 ? `[${host}]` : host;
}

/**
 * Node fires a timer set longer than 2^31-1 ms after 1 ms instead (and warns); a timeout that
 * long (about 25 days) waits as good as for ever, as the CLI does.
 */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Waits for the connection `open` makes (a net.Socket or tcp.ts's) to connect, within the connect timeout. */
function whenConnected<T extends Connection>(
  open: () => T,
  port: number,
  timeoutMs: number | undefined,
  refused: () => Error,
  timedOut: () => Error,
  /**
   * A reset reported as the connect's result: the handshake completed and the server then reset
   * the connection before Node looked. Python's connect() has already returned by then, so the
   * CLI reports it as a connection closed while waiting for the answer.
   */
  resetAfterHandshake: () => Error = refused,
): Promise<T> {
  return new Promise((resolve, reject) => {
    // Node refuses port 0 outright; Python tries it and is refused
    if (port === 0) {
      reject(refused());
      return;
    }
    const socket = open();
    let timer: NodeJS.Timeout | undefined;
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        socket.destroy();
        reject(timedOut());
      }, timeoutMs);
    }
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resetAfterHandshake() : refused());
    });
  });
}

/** Opens a CONNECT tunnel through an HTTP proxy. */
function tunnel(socket: Socket, authority: string, auth: string | undefined, timeoutMs: number | undefined, failure: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const done = (error?: Error) => {
      socket.removeListener('data', onData);
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const status = /^HTTP\/\d\.\d (\d{3})/.exec(received.subarray(0, end).toString('latin1'));
      if (!status || status[1] !== '200') return done(failure());
      if (received.length > end + 4) socket.unshift(received.subarray(end + 4));
      done();
    };
    socket.on('data', onData);
    socket.once('error', () => done(failure()));
    socket.once('end', () => done(failure()));
    if (timeoutMs !== undefined) socket.setTimeout(timeoutMs, () => done(failure()));
    socket.write(
      `CONNECT ${authority} HTTP/1.0\r\nHost: ${authority}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`,
    );
  });
}

/** TLS over an open socket, verified as botocore does; failures read like Python's ssl errors. */
async function startTls(socket: Socket, host: string, url: string, options: TransportOptions): Promise<TLSSocket> {
  const sslError = (detail: string) => new TransportError(`SSL validation failed for ${url} ${detail}`);
  let ca: Buffer | undefined;
  if (typeof options.verify === 'string') {
    try {
      ca = readFileSync(options.verify);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw sslError(code === 'ENOENT' ? '[Errno 2] No such file or directory' : `[Errno 13] Permission denied`);
    }
    if (!ca.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
      throw sslError('[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)');
    }
  }
  // node:tls only for https: on Node 22+ loading it also parses the bundled root certificates
  const { connect: tlsConnect } = await import('node:tls');
  const tls = await new Promise<TLSSocket>((resolve, reject) => {
    const secure = tlsConnect({
      socket,
      host,
      ...(ipVersion(host) ? {} : { servername: host }),
      ...(ca ? { ca } : {}),
      rejectUnauthorized: options.verify !== false,
    });
    if (options.readTimeoutMs !== undefined) {
      secure.setTimeout(options.readTimeoutMs, () => {
        secure.destroy();
        reject(readTimeout(url));
      });
    }
    secure.once('secureConnect', () => {
      secure.setTimeout(0);
      secure.removeAllListeners('error');
      resolve(secure);
    });
    secure.once('error', (error) => reject(sslError(pythonSslDetail(error, host))));
  });
  if (options.verify === false && !options.warnedHosts.has(host)) {
    options.warnedHosts.add(host);
    options.warn(insecureWarning(host));
  }
  return tls;
}

/** Node's TLS error in the words of Python's ssl module (OpenSSL's own strings, Python's framing). */
function pythonSslDetail(error: Error, host: string): string {
  const e = error as NodeJS.ErrnoException & { reason?: string };
  if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return hostnameMismatch(host, (error as { cert?: PeerCertificate }).cert);
  if (e.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    // Node's OpenSSL settings name an unknown issuer of a lone server certificate differently
    return '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)';
  }
  if (e.code && /^[A-Z_]+$/.test(e.code) && !e.code.startsWith('ERR_') && !e.code.startsWith('E')) {
    return `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${e.message} (_ssl.c:992)`;
  }
  if (e.code?.startsWith('ERR_SSL_')) {
    return `[SSL: ${e.code.slice('ERR_SSL_'.length)}] ${e.reason ?? e.message} (_ssl.c:992)`;
  }
  // a clean close (FIN) before the handshake is done is an EOF to OpenSSL; a reset is a reset
  if (e.code === 'ECONNRESET' && /disconnected before secure TLS connection/.test(e.message)) {
    return 'TLS/SSL connection has been closed (EOF) (_ssl.c:992)';
  }
  if (e.code === 'ECONNRESET') return '[Errno 104] Connection reset by peer';
  return e.message;
}

/** urllib3's own host name check and its CertificateError wording. */
function hostnameMismatch(host: string, cert: PeerCertificate | undefined): string {
  const names: string[] = [];
  for (const entry of (cert?.subjectaltname ?? '').split(', ')) {
    const m = /^(DNS|IP Address):(.*)$/.exec(entry);
    if (m) names.push(m[2]!);
  }
  if (names.length === 0 && cert?.subject?.CN) names.push(...[cert.subject.CN].flat());
  const quote = (text: string) => (text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text}'`);
  if (names.length > 1) return `hostname ${quote(host)} doesn't match either of ${names.map(quote).join(', ')}`;
  if (names.length === 1) return `hostname ${quote(host)} doesn't match ${quote(names[0]!)}`;
  return 'no appropriate commonName or subjectAltName fields were found';
}

/**
 * Writes the request and reads the whole answer: a plain request (`bytes`, simple-http.ts) and a
 * plain answer without node:http; from the first byte that is not of the plain kind — or a close,
 * a reset — node:http reads the answer as received so far and from there on (http-exchange.ts).
 */
async function exchange(
  socket: Connection,
  bytes: Buffer | undefined,
  request: RawRequest,
  target: string,
  headers: Record<string, string>,
  readTimeoutMs: number | undefined,
  failOnceSent = false,
): Promise<RawResponse> {
  if (!bytes) {
    const { exchangeThroughHttp } = await import('./http-exchange');
    // send() opens a net.Socket for every request it does not write itself
    return exchangeThroughHttp(socket as Socket, socket, { received: [], reset: false }, request, target, headers, readTimeoutMs, failOnceSent);
  }
  return new Promise((resolve, reject) => {
    const settle = firstOutcome(socket);
    const received: Buffer[] = [];
    let size = 0;
    /** The answer's size in bytes once its head has been read (then the body is only counted). */
    let total: number | undefined;
    const onData = (chunk: Buffer) => {
      received.push(chunk);
      size += chunk.length;
      if (total !== undefined && size < total) return;
      const answer = readSimpleAnswer(received.length === 1 ? chunk : Buffer.concat(received));
      if (answer.kind === 'incomplete') total = answer.total;
      else if (answer.kind === 'complete') {
        settle(() => resolve(answer.response));
        socket.destroy();
      } else if (answer.kind === 'other') handOver();
    };
    let failure: Error | undefined;
    const onEnd = () => handOver();
    const onError = (error: Error) => {
      failure ??= error;
      handOver();
    };
    let handingOver = false;
    // node:http goes on from what came so far; the read timeout set below keeps running
    const handOver = () => {
      if (handingOver) return;
      handingOver = true;
      socket.off('data', onData);
      socket.off('end', onEnd);
      // until node:http is loaded, what comes is kept for it
      const keep = (chunk: Buffer) => received.push(chunk);
      socket.on('data', keep);
      import('./http-exchange').then(({ ReplayedSocket, exchangeThroughHttp }) => {
        socket.off('data', keep);
        socket.off('error', onError);
        const replay = new ReplayedSocket(socket, received, failure);
        return exchangeThroughHttp(replay, socket, { received: [...received], reset: failure !== undefined }, request, target, headers, undefined);
      }).then(
        (response) => settle(() => resolve(response)),
        (error: unknown) => settle(() => reject(error)),
      );
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.on('error', onError);
    if (readTimeoutMs !== undefined) {
      socket.setTimeout(readTimeoutMs, () => {
        settle(() => reject(readTimeout(request.url)));
        socket.destroy();
      });
    }
    socket.write(bytes, () => {
      if (!failOnceSent) return;
      settle(() => reject(pythonTimeOverflow()));
      socket.destroy();
    });
  });
}
