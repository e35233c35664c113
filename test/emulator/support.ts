// Shared pieces of the emulator tests: a running emulator with its own temporary state file,
// SDK clients and CLI environments pointed at it, and raw (optionally signed) HTTP requests.
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CREDENTIAL, NO_PERMISSION_CREDENTIAL, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index';
import { signRequest, type KeyPair } from '../../src/emulator/sigv4';

// the SDK warns on stderr about Node versions it will stop supporting; not what these tests check
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const KEY: KeyPair = DEFAULT_CREDENTIAL;
export const DENIED_KEY: KeyPair = NO_PERMISSION_CREDENTIAL;
export const REGION = 'us-east-1';

export function tempDir(prefix = 'ipam-emulator-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts an emulator on a free loopback port with a fresh state file. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ statePath: join(tempDir(), 'state.json'), ...options });
}

export async function ec2Client(url: string, key: KeyPair = KEY, region = REGION) {
  const { EC2Client } = await import('@aws-sdk/client-ec2');
  return new EC2Client({
    endpoint: url,
    region,
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
    maxAttempts: 1,
  });
}

/** The environment for a CLI (ours or the real one) talking to the emulator. */
export function cliEnv(key: KeyPair = KEY, region = REGION): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: key.accessKeyId,
    AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** For EC2 error documents: the error code and message. */
  code?: string;
  message?: string;
}

export interface RawRequestOptions {
  method?: string;
  path?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Sign with this key (default KEY); false sends the request unsigned. */
  sign?: KeyPair | false;
  region?: string;
  service?: string;
  /** The signing clock (default now). */
  now?: number;
}

/** Sends one HTTP request as given (form-encoded POST by default), signed with SigV4 unless asked not to. */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body ?? '', 'utf8');
  const method = options.method ?? 'POST';
  const target = options.path ?? '/';
  let headers: Record<string, string> = {
    host: `${hostname}:${port}`,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    ...options.headers,
  };
  if (options.sign !== false) {
    headers = signRequest(
      { method, target, headers, body },
      { key: options.sign ?? KEY, region: options.region ?? REGION, service: options.service ?? 'ec2', now: options.now },
    );
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path: target, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          body: text,
          headers: res.headers,
          code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
          message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1],
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A form body for an action: `form('CreateIpam', {Description: 'x'})`. */
export function form(action: string, params: Record<string, string> = {}, version = '2016-11-15'): string {
  return new URLSearchParams({ Action: action, Version: version, ...params }).toString();
}

/** An IPAM with a private pool in `locale` (default REGION) provisioned with `cidr`. */
export async function poolWithCidr(url: string, cidr = '10.0.0.0/16', options: { locale?: string; key?: KeyPair; region?: string } = {}) {
  const { CreateIpamCommand, CreateIpamPoolCommand, ProvisionIpamPoolCidrCommand } = await import('@aws-sdk/client-ec2');
  const client = await ec2Client(url, options.key ?? KEY, options.region ?? REGION);
  try {
    const locale = options.locale ?? options.region ?? REGION;
    const { Ipam } = await client.send(new CreateIpamCommand({ OperatingRegions: [{ RegionName: locale }] }));
    const { IpamPool } = await client.send(
      new CreateIpamPoolCommand({ IpamScopeId: Ipam!.PrivateDefaultScopeId!, AddressFamily: 'ipv4', Locale: locale }),
    );
    await client.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: IpamPool!.IpamPoolId!, Cidr: cidr }));
    return { ipamId: Ipam!.IpamId!, scopeId: Ipam!.PrivateDefaultScopeId!, poolId: IpamPool!.IpamPoolId! };
  } finally {
    client.destroy();
  }
}
