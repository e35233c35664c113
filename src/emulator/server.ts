// The HTTP side: EC2's Query protocol on a local port. Reads the form-encoded request, checks
// its SigV4 signature, the Action and the Version, hands it to the engine and writes EC2's XML
// answer or EC2's error document. Nothing a client sends can crash it: every failure becomes an
// EC2 error with EC2's HTTP status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTIONS } from './actions';
import { principalArn, type EmulatorCredential } from './credentials';
import {
  Ec2Error,
  internalError,
  invalidAction,
  methodNotAllowed,
  missingAction,
  missingVersion,
  noSuchVersion,
  requestTooLarge,
  unauthorizedOperation,
} from './errors';
import type { Engine } from './engine';
import { newRequestId } from './ids';
import { verifyRequest } from './sigv4';
import { errorDocument, successDocument } from './xml';

export const API_VERSION = '2016-11-15';
export const SERVICE = 'ec2';
/** EC2 refuses request bodies beyond a few hundred KB; 1 MiB is plenty for any IPAM call. */
const BODY_LIMIT = 1024 * 1024;

export const HEALTH_PATH = '/_emulator/health';
export const RESET_PATH = '/_emulator/reset';

export interface ServerOptions {
  readonly engine: Engine;
  readonly credentials: readonly EmulatorCredential[];
  readonly log?: (line: string) => void;
  /** Unexpected failures (bugs); the client gets InternalError. */
  readonly onInternalError?: (error: unknown) => void;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function pairHeaders(raw: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** Query-string parameters, then form-body parameters; the first value of a repeated key wins. */
function collectParams(target: string, body: Buffer, contentType: string | undefined): Map<string, string> {
  const params = new Map<string, string>();
  const add = (search: string) => {
    for (const [key, value] of new URLSearchParams(search)) if (!params.has(key)) params.set(key, value);
  };
  const queryStart = target.indexOf('?');
  if (queryStart >= 0) add(target.slice(queryStart + 1));
  if (body.length > 0 && (contentType === undefined || contentType.toLowerCase().includes('application/x-www-form-urlencoded'))) {
    add(body.toString('utf8'));
  }
  return params;
}

function send(res: ServerResponse, status: number, body: string, contentType = 'text/xml;charset=UTF-8'): void {
  const payload = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(payload.length), Server: 'aws-ipam-emulator' });
  res.end(payload);
}

export function createEmulatorServer(options: ServerOptions): Server {
  const keys = new Map(options.credentials.map((c) => [c.accessKeyId, c]));
  const lookupKey = (id: string) => keys.get(id);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    let action = '-';
    const fail = (error: Ec2Error) => {
      options.log?.(`${req.method} ${action} -> ${error.status} ${error.code}`);
      send(res, error.status, errorDocument(error.code, error.message, requestId));
    };
    try {
      const target = req.url ?? '/';
      const path = target.split('?')[0]!;
      const method = req.method ?? 'GET';
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('Connection', 'close');
          fail(requestTooLarge());
          return;
        }
        throw error;
      }

      if (path === HEALTH_PATH && method === 'GET') {
        send(res, 200, '{"status":"ok"}\n', 'application/json');
        return;
      }
      if (method !== 'GET' && method !== 'POST') throw methodNotAllowed(method);

      const params = collectParams(target, body, req.headers['content-type']);
      action = params.get('Action') ?? '-';
      const verified = verifyRequest({ method, target, headers: pairHeaders(req.rawHeaders), body }, lookupKey, SERVICE, Date.now());
      const credential = keys.get(verified.accessKeyId)!;

      if (path === RESET_PATH && method === 'POST') {
        if (credential.permissions !== 'all') {
          throw unauthorizedOperation(principalArn(credential), 'ResetEmulatorState', '*');
        }
        await options.engine.reset();
        options.log?.(`POST ${RESET_PATH} -> 200`);
        send(res, 200, '{"reset":true}\n', 'application/json');
        return;
      }

      const actionName = params.get('Action');
      if (actionName === undefined || actionName === '') throw missingAction();
      if (!Object.hasOwn(ACTIONS, actionName)) throw invalidAction(actionName);
      const version = params.get('Version');
      if (version === undefined || version === '') throw missingVersion();
      if (version !== API_VERSION) throw noSuchVersion(version);

      const answer = await options.engine.execute({ action: actionName, params, credential, region: verified.region });
      options.log?.(`${method} ${actionName} -> 200 (${verified.accessKeyId}, ${verified.region})`);
      send(res, 200, successDocument(actionName, requestId, answer));
    } catch (error) {
      if (error instanceof Ec2Error) {
        fail(error);
        return;
      }
      options.onInternalError?.(error);
      fail(internalError());
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // writing the answer itself failed (the client went away): nothing left to tell anyone
      options.onInternalError?.(error);
      if (!res.headersSent) res.destroy();
    });
  });
  return server;
}

export function serverPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
