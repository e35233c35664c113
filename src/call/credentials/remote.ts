// Credentials from the machine the CLI runs on: the container credentials endpoint
// (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI with an optional authorization token) and
// the EC2 instance metadata service (IMDSv2 token, then v1 unless disabled), plus the IMDS
// region lookup. Timeouts, attempts and messages follow botocore's fetchers.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { GeneralError } from '../../runtime/errors';
import { ensureBoolean, type Session } from '../../config/session';
import { parsePyInt } from '../../util/pyint';
import { send, TransportError, type TransportOptions } from '../transport';
import type { RawResponse } from '../response';
import { sleep } from '../retry';
import { CredentialRetrievalError, parseTimestamp, type CredentialSource, type Credentials } from './types';
import type { DebugLog } from '../debug';

const CONTAINER_HOST = '169.254.170.2';
const CONTAINER_ALLOWED = [CONTAINER_HOST, '169.254.170.23', 'fd00:ec2::23', 'localhost'];

export async function fromContainer(env: NodeJS.ProcessEnv, base: TransportOptions): Promise<CredentialSource | undefined> {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (relative === undefined && full === undefined) return undefined;
  const url = relative !== undefined ? `http://${CONTAINER_HOST}${relative}` : full!;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let token: string | undefined;
  if (env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE !== undefined) {
    try {
      token = readFileSync(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, 'utf8');
    } catch {
      throw new GeneralError(`[Errno 2] No such file or directory: '${env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}'`);
    }
  } else token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  if (token !== undefined) {
    if (/[\r\n]/.test(token)) throw new GeneralError('Auth token value is not a legal header value');
    headers.Authorization = token;
    base.log?.secret(token);
  }
  const fetch = async (): Promise<Credentials> => {
    checkContainerHost(url);
    const options: TransportOptions = { ...base, useProxies: false, connectTimeoutMs: 2000, readTimeoutMs: 2000 };
    let detail = '';
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await send({ method: 'GET', url, headers }, options);
        const text = Buffer.from(response.body).toString('utf8');
        if (response.statusCode !== 200) detail = `Received non 200 response ${response.statusCode} from container metadata: ${text}`;
        else {
          let data: Record<string, unknown>;
          try {
            data = JSON.parse(text) as Record<string, unknown>;
          } catch {
            data = undefined as never;
          }
          if (data === undefined) detail = 'Unable to parse JSON returned from container metadata services';
          else {
            for (const key of ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']) {
              if (!(key in data)) throw new GeneralError(`'${key}'`);
            }
            const credentials = {
              accessKeyId: String(data.AccessKeyId),
              secretAccessKey: String(data.SecretAccessKey),
              sessionToken: String(data.Token),
              expiration: parseTimestamp(data.Expiration),
            };
            base.log?.secret(credentials.secretAccessKey);
            base.log?.secret(credentials.sessionToken);
            return credentials;
          }
        }
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        detail = `Received error when attempting to retrieve container metadata: ${error.message}`;
      }
      await sleep(1);
      if (attempt >= 3) throw new CredentialRetrievalError('container-role', `Error retrieving metadata: ${detail}`);
    }
  };
  // botocore fetches container credentials while it builds the chain, not when signing
  const credentials = await fetch();
  return { method: 'container-role', resolve: async () => credentials };
}

function checkContainerHost(url: string): void {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isLoopback(host) || CONTAINER_ALLOWED.includes(host)) return;
  throw new GeneralError(
    `Unsupported host '${host}'.  Can only retrieve metadata from a loopback address or one of these hosts: ${CONTAINER_ALLOWED.join(', ')}`,
  );
}

function isLoopback(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

// ----- instance metadata -----

export interface ImdsSettings {
  readonly disabled: boolean;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly attempts: number;
  readonly v1Disabled: boolean;
}

export function imdsSettings(session: Session): ImdsSettings {
  const endpoint = session.variable(['AWS_EC2_METADATA_SERVICE_ENDPOINT'], 'ec2_metadata_service_endpoint');
  let mode = session.variable(['AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE'], 'ec2_metadata_service_endpoint_mode');
  if (mode === undefined && ensureBoolean(session.variable(['AWS_IMDS_USE_IPV6'], 'imds_use_ipv6'))) mode = 'ipv6';
  const number = (value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = parsePyInt(value);
    if (parsed === undefined) throw new GeneralError(`invalid literal for int() with base 10: '${value}'`);
    return Number(parsed);
  };
  return {
    disabled: (session.env.AWS_EC2_METADATA_DISABLED ?? 'false').toLowerCase() === 'true',
    baseUrl: endpoint ?? (mode === 'ipv6' ? 'http://[fd00:ec2::254]/' : 'http://169.254.169.254/'),
    timeoutMs: number(session.variable(['AWS_METADATA_SERVICE_TIMEOUT'], 'metadata_service_timeout'), 1) * 1000,
    attempts: number(session.variable(['AWS_METADATA_SERVICE_NUM_ATTEMPTS'], 'metadata_service_num_attempts'), 1),
    v1Disabled: ensureBoolean(session.variable(['AWS_EC2_METADATA_V1_DISABLED'], 'ec2_metadata_v1_disabled')) ?? false,
  };
}

class ImdsClient {
  constructor(
    private readonly settings: ImdsSettings,
    private readonly transport: TransportOptions,
  ) {}

  private url(path: string): string {
    return `${this.settings.baseUrl}${this.settings.baseUrl.endsWith('/') ? '' : '/'}${path}`;
  }

  private options(): TransportOptions {
    return { ...this.transport, connectTimeoutMs: this.settings.timeoutMs, readTimeoutMs: this.settings.timeoutMs };
  }

  /** The IMDSv2 session token, or undefined when the service does not hand one out. */
  async token(): Promise<string | undefined> {
    for (let i = 0; i < this.settings.attempts; i++) {
      try {
        const response = await send(
          { method: 'PUT', url: this.url('latest/api/token'), headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } },
          this.options(),
        );
        if (response.statusCode === 200) return Buffer.from(response.body).toString('utf8');
        if ([403, 404, 405].includes(response.statusCode)) return undefined;
        if (response.statusCode === 400) throw new ImdsUnavailable();
      } catch (error) {
        if (error instanceof TransportError && error.message.startsWith('Read timeout')) return undefined;
        if (!(error instanceof TransportError)) throw error;
      }
    }
    return undefined;
  }

  /** GET with botocore's retry on non-200 and empty answers; throws ImdsUnavailable when attempts run out. */
  async get(path: string, token: string | undefined, accept: (response: RawResponse) => boolean = () => true): Promise<string> {
    if (!token && this.settings.v1Disabled) {
      throw new GeneralError('Error retrieving metadata: Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled');
    }
    const headers: Record<string, string> = token ? { 'x-aws-ec2-metadata-token': token } : {};
    for (let i = 0; i < this.settings.attempts; i++) {
      try {
        const response = await send({ method: 'GET', url: this.url(path), headers }, this.options());
        if (response.statusCode === 200 && response.body.length > 0 && accept(response)) {
          return Buffer.from(response.body).toString('utf8');
        }
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
      }
    }
    throw new ImdsUnavailable();
  }
}

class ImdsUnavailable extends Error {}

/** IMDS role credentials, or undefined (disabled, unreachable, no role). */
export async function fromInstanceMetadata(settings: ImdsSettings, transport: TransportOptions, log?: DebugLog): Promise<CredentialSource | undefined> {
  if (settings.disabled) {
    log?.debug('botocore.utils', 'Access to EC2 metadata has been disabled.');
    return undefined;
  }
  const client = new ImdsClient(settings, transport);
  try {
    const token = await client.token();
    const role = await client.get('latest/meta-data/iam/security-credentials/', token);
    const text = await client.get(`latest/meta-data/iam/security-credentials/${role}`, token, (r) => isJson(r));
    const data = JSON.parse(text) as Record<string, unknown>;
    if (!['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'].every((k) => k in data)) return undefined;
    const credentials: Credentials = {
      accessKeyId: String(data.AccessKeyId),
      secretAccessKey: String(data.SecretAccessKey),
      sessionToken: String(data.Token),
      expiration: parseTimestamp(data.Expiration),
    };
    log?.secret(credentials.secretAccessKey);
    log?.secret(credentials.sessionToken);
    log?.info('botocore.credentials', `Found credentials from IAM Role: ${role}`);
    return { method: 'iam-role', resolve: async () => credentials };
  } catch (error) {
    if (error instanceof ImdsUnavailable) return undefined;
    throw error;
  }
}

function isJson(response: RawResponse): boolean {
  try {
    JSON.parse(Buffer.from(response.body).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The region of the instance (availability zone without its letter), or undefined. */
export async function regionFromInstanceMetadata(settings: ImdsSettings, transport: TransportOptions): Promise<string | undefined> {
  if (settings.disabled) return undefined;
  const client = new ImdsClient(settings, transport);
  try {
    const token = await client.token();
    const zone = await client.get('latest/meta-data/placement/availability-zone/', token);
    return zone.slice(0, -1);
  } catch (error) {
    if (error instanceof ImdsUnavailable) return undefined;
    throw error;
  }
}
