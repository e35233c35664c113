// Small scripted AWS-like servers on 127.0.0.1 for credential tests: STS (AssumeRole,
// AssumeRoleWithWebIdentity), the SSO portal (GetRoleCredentials) and SSO-OIDC (CreateToken),
// the container credentials endpoint and the EC2 instance metadata service. Each records what
// reached it; answers can be scripted per path.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordRequest, type RecordedRequest } from './fake-ec2';
import { registerSecret } from './secrets';

export type Seen = RecordedRequest;

export interface Answer {
  status?: number;
  /** Text (sent as UTF-8) or exact bytes. */
  body: string | Uint8Array;
  headers?: Record<string, string>;
  /** Announce this Content-Length and close after the body (a truncated answer when larger). */
  contentLength?: number;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

/** A server that answers with a function of the request and records every request. */
export class ScriptedServer {
  readonly seen: Seen[] = [];
  private server?: Server;

  constructor(private readonly answer: (request: Seen, index: number) => Answer) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      recordRequest(req, (seen) => {
        registerSecret(req.headers['x-amz-sso_bearer_token'] as string | undefined);
        this.seen.push(seen);
        const answer = this.answer(seen, this.seen.length - 1);
        if (answer.destroy) {
          req.socket.destroy();
          return;
        }
        const headers: Record<string, string> = { 'Content-Type': 'text/xml', ...answer.headers };
        if (answer.contentLength !== undefined) headers['Content-Length'] = String(answer.contentLength);
        res.writeHead(answer.status ?? 200, headers);
        if (answer.contentLength === undefined) {
          res.end(answer.body);
          return;
        }
        // a Content-Length larger than the body: write what there is and cut the connection
        res.write(answer.body);
        res.socket?.end();
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

export const stsKeys = {
  accessKeyId: 'ASIASTSASSUMED000001',
  secretAccessKey: 'sts/Secret+FromAssumeRole/NeverPrint01',
  sessionToken: 'STS-SESSION-TOKEN-never-print-0001',
};

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');

/** An STS endpoint answering AssumeRole / AssumeRoleWithWebIdentity with stsKeys (or a scripted error). */
export function fakeSts(error?: { code: string; message: string; status?: number }): ScriptedServer {
  return new ScriptedServer((request) => {
    if (error) {
      return {
        status: error.status ?? 403,
        body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
      };
    }
    const action = request.form.Action ?? 'AssumeRole';
    return {
      body:
        `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>` +
        `<Credentials><AccessKeyId>${stsKeys.accessKeyId}</AccessKeyId><SecretAccessKey>${stsKeys.secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${stsKeys.sessionToken}</SessionToken><Expiration>${inAnHour()}</Expiration></Credentials>` +
        `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>` +
        `</${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`,
    };
  });
}

export const ssoKeys = {
  accessKeyId: 'ASIASSOROLE000000001',
  secretAccessKey: 'sso/Secret+RoleCredentials/NeverPrint1',
  sessionToken: 'SSO-SESSION-TOKEN-never-print-0001',
};

/** The SSO portal (GET /federation/credentials) and SSO-OIDC (POST /token) on one server. */
export function fakeSso(options: { unauthorized?: boolean; newAccessToken?: string } = {}): ScriptedServer {
  return new ScriptedServer((request): Answer => {
    if (request.path === '/token') {
      return {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ accessToken: options.newAccessToken ?? 'refreshed-access-token-0001', expiresIn: 3600, tokenType: 'Bearer' }),
      };
    }
    if (options.unauthorized) {
      return { status: 401, headers: { 'Content-Type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException:' }, body: '{"message":"Session token not found or invalid"}' };
    }
    return {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ roleCredentials: { ...ssoKeys, expiration: Date.now() + 3600_000 } }),
    };
  });
}

export const containerKeys = {
  AccessKeyId: 'ASIACONTAINER0000001',
  SecretAccessKey: 'container/Secret+Key/NeverPrint0001',
  Token: 'CONTAINER-TOKEN-never-print-00001',
};

/** A container credentials endpoint; answers 401 unless the Authorization header matches `token` (when given). */
export function fakeContainer(token?: string, status = 200): ScriptedServer {
  return new ScriptedServer((request) => {
    if (status !== 200) return { status, body: 'failure from the container endpoint' };
    if (token !== undefined && request.headers.authorization !== token) return { status: 401, body: 'unauthorized' };
    return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...containerKeys, Expiration: inAnHour() }) };
  });
}

export const imdsKeys = {
  AccessKeyId: 'ASIAIMDSROLE00000001',
  SecretAccessKey: 'imds/Secret+Key/NeverPrint000000001',
  Token: 'IMDS-TOKEN-never-print-0000000001',
};

/** IMDSv2: a session token for PUT /latest/api/token, required on every GET. */
export function fakeImds(options: { zone?: string; role?: string } = {}): ScriptedServer {
  const session = 'imds-session-token';
  return new ScriptedServer((request) => {
    if (request.method === 'PUT' && request.path === '/latest/api/token') return { body: session };
    if (request.headers['x-aws-ec2-metadata-token'] !== session) return { status: 401, body: '' };
    if (request.path === '/latest/meta-data/placement/availability-zone/') return { body: options.zone ?? 'eu-west-3b' };
    if (request.path === '/latest/meta-data/iam/security-credentials/') return { body: options.role ?? 'instance-role' };
    if (request.path === `/latest/meta-data/iam/security-credentials/${options.role ?? 'instance-role'}`) {
      return { body: JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', ...imdsKeys, Expiration: inAnHour() }) };
    }
    return { status: 404, body: '' };
  });
}
