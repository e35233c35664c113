// Credentials from the machine the CLI runs on: the container credentials endpoint
// (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI with an optional authorization token) and
// the EC2 instance metadata service (IMDSv2 token, then v1 unless disabled), plus the IMDS
// region lookup. Timeouts, attempts and messages follow botocore's fetchers.
import { readFileSync } from 'node:fs';
import { ipVersion } from '../../util/ip';
import { GeneralError } from '../../runtime/errors';
import { ensureBoolean, type Session } from '../../config/session';
import { parsePyInt } from '../../util/pyint';
import { HttpClientError, send, TransportError, type TransportOptions } from '../transport';
import type { RawResponse } from '../response';
import { sleep } from '../retry';
import { CredentialRetrievalError, type CredentialSource, type Credentials } from './types';
import { containerMetadata, imdsMetadata, isInvalidJson, readContainerAnswer, responseText } from './metadata-answers';
import { pythonErrors, pythonErrorsSync, type CredentialMetadata } from './shape';
import { RefreshableCredentials } from './refreshable';
import { decodeUtf8 } from '../../util/pycodecs';
import { pyJsonLoads } from '../../util/pyops';
import { osErrorText } from '../../util/oserror';
import type { DebugLog } from '../debug';

const CONTAINER_HOST = '169.254.170.2';
const CONTAINER_ALLOWED = [CONTAINER_HOST, '169.254.170.23', 'fd00:ec2::23', 'localhost'];

export async function fromContainer(env: NodeJS.ProcessEnv, base: TransportOptions): Promise<CredentialSource | undefined> {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (relative === undefined && full === undefined) return undefined;
  const url = relative !== undefined ? `http://${CONTAINER_HOST}${relative}` : full!;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE !== undefined ? readTokenFile(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) : env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  if (token !== undefined) {
    if (/[\r\n]/.test(token)) throw new GeneralError('Auth token value is not a legal header value');
    headers.Authorization = token;
    base.log?.secret(token);
  }
  const fetch = async (): Promise<CredentialMetadata> => {
    checkContainerHost(url);
    const options: TransportOptions = { ...base, useProxies: false, connectTimeoutMs: 2000, readTimeoutMs: 2000 };
    for (let attempt = 1; ; attempt++) {
      let detail: string;
      try {
        const reading = readContainerAnswer(await send({ method: 'GET', url, headers, headerEncoding: 'latin-1' }, options));
        if ('json' in reading) return containerMetadata(reading.json);
        detail = reading.retry;
      } catch (error) {
        // only connection failures and timeouts are retried, not the HTTP client's own exceptions
        if (!(error instanceof TransportError) || error instanceof HttpClientError) throw error;
        detail = `Received error when attempting to retrieve container metadata: ${error.message}`;
      }
      await sleep(1);
      if (attempt >= 3) throw new CredentialRetrievalError('container-role', `Error retrieving metadata: ${detail}`);
    }
  };
  const remember = (credentials: Credentials) => {
    base.log?.secret(credentials.secretAccessKey);
    base.log?.secret(credentials.sessionToken);
  };
  // botocore fetches container credentials while it builds the chain, not when signing
  return pythonErrors(async () => new RefreshableCredentials('container-role', fetch, await fetch(), remember));
}

/** The token file, read as Python's open().read() reads it (UTF-8, strict). */
function readTokenFile(path: string): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new GeneralError(osErrorText(error, path));
  }
  return pythonErrorsSync(() => decodeUtf8(data));
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
  if (ipVersion(host) === 4) return host.startsWith('127.');
  if (ipVersion(host) === 6) return host === '::1';
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
          { method: 'PUT', url: this.url('latest/api/token'), headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' }, headerEncoding: 'latin-1' },
          this.options(),
        );
        if (response.statusCode === 200) return responseText(response);
        if ([403, 404, 405].includes(response.statusCode)) return undefined;
        if (response.statusCode === 400) throw new ImdsUnavailable();
      } catch (error) {
        if (error instanceof TransportError && error.message.startsWith('Read timeout')) return undefined;
        if (!(error instanceof TransportError) || error instanceof HttpClientError) throw error;
      }
    }
    return undefined;
  }

  /** GET with botocore's retry while `retry` says so; throws ImdsUnavailable when attempts run out. */
  async get(path: string, token: string | undefined, retry: (response: RawResponse) => boolean = isUnusable): Promise<RawResponse> {
    if (!token && this.settings.v1Disabled) {
      throw new GeneralError('Error retrieving metadata: Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled');
    }
    const headers: Record<string, string> = token !== undefined ? { 'x-aws-ec2-metadata-token': token } : {};
    for (let i = 0; i < this.settings.attempts; i++) {
      try {
        const response = await send({ method: 'GET', url: this.url(path), headers, headerEncoding: 'latin-1' }, this.options());
        if (!retry(response)) return response;
      } catch (error) {
        if (!(error instanceof TransportError) || error instanceof HttpClientError) throw error;
      }
    }
    throw new ImdsUnavailable();
  }
}

/** botocore's default retry test: a status other than 200, or no body. */
function isUnusable(response: RawResponse): boolean {
  return response.statusCode !== 200 || response.body.length === 0;
}

class ImdsUnavailable extends Error {}

/** IMDS role credentials, or undefined (disabled, unreachable, no role). */
export async function fromInstanceMetadata(settings: ImdsSettings, transport: TransportOptions, log?: DebugLog): Promise<CredentialSource | undefined> {
  if (settings.disabled) {
    log?.debug('botocore.utils', 'Access to EC2 metadata has been disabled.');
    return undefined;
  }
  const client = new ImdsClient(settings, transport);
  const base = 'latest/meta-data/iam/security-credentials/';
  let role = '';
  // retrieve_iam_role_credentials: also what a refresh runs
  const retrieve = async (): Promise<CredentialMetadata | undefined> => {
    try {
      const token = await client.token();
      role = responseText(await client.get(base, token));
      const answer = await client.get(`${base}${role}`, token, (r) => isUnusable(r) || isInvalidJson(r));
      return imdsMetadata(pyJsonLoads(responseText(answer)));
    } catch (error) {
      if (error instanceof ImdsUnavailable) return undefined;
      throw error;
    }
  };
  const initial = await pythonErrors(retrieve);
  if (!initial) return undefined;
  log?.info('botocore.credentials', `Found credentials from IAM Role: ${role}`);
  const remember = (credentials: Credentials) => {
    log?.secret(credentials.secretAccessKey);
    log?.secret(credentials.sessionToken);
  };
  return pythonErrors(() => new RefreshableCredentials('iam-role', retrieve, initial, remember));
}

/** The region of the instance (availability zone without its letter), or undefined. */
export async function regionFromInstanceMetadata(settings: ImdsSettings, transport: TransportOptions): Promise<string | undefined> {
  if (settings.disabled) return undefined;
  const client = new ImdsClient(settings, transport);
  try {
    const token = await client.token();
    const zone = responseText(await client.get('latest/meta-data/placement/availability-zone/', token));
    return zone.slice(0, -1);
  } catch (error) {
    if (error instanceof ImdsUnavailable) return undefined;
    throw error;
  }
}
