// STS AssumeRole and AssumeRoleWithWebIdentity through @aws-sdk/credential-providers
// (fromTemporaryCredentials, fromWebToken). The SDK builds and signs the call; it is sent
// through our transport with botocore's retries, errors are reported as the CLI reports them,
// and results are cached in ~/.aws/cli/cache under the CLI's own keys.
import { configuredEndpoint, stsRegionalEndpoints } from '../../config/client-settings';
import { attemptThrough, CapturingHandler, queryCall } from '../service-call';
import { JsonFileCache, pythonJsonDumps, sha1Hex } from './cache';
import type { XmlElement } from '../xml';
import { PyDict } from '../../util/pyjson';
import type { CredentialMetadata } from './shape';
import { stsAnswer, type StsAnswer } from './sts-answer';
import { checkStsParameters } from './sts-request';
import { type ChainContext, type Credentials } from './types';
import { cachedResponse, credentialsOf } from './cached-fetcher';
import { expandPath } from '../../config/session';

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

export interface AssumeRoleArgs {
  readonly RoleArn: string;
  readonly RoleSessionName?: string;
  readonly ExternalId?: string;
  readonly SerialNumber?: string;
  readonly DurationSeconds?: number;
}

/** botocore's cache key: SHA-1 of the sorted JSON of the call's arguments (a generated session name left out). */
export function assumeRoleCacheKey(args: Record<string, unknown>): string {
  return sha1Hex(pythonJsonDumps(args, { sortKeys: true }));
}

/** Assumed-role credentials are reused from the cache while more than 15 minutes remain. */
function readCache(ctx: ChainContext, key: string): CredentialMetadata | undefined {
  const response = cachedResponse(expandPath('~/.aws/cli/cache', ctx.session.env), key);
  if (response === undefined) return undefined;
  ctx.log?.debug('botocore.credentials', 'Credentials for role retrieved from cache.');
  return credentialsOf(response);
}

/** Writes the answer as the CLI caches it: the parsed response's Credentials (Expiration in ISO form, the account from the role ARN) and AssumedRoleUser. */
function writeCache(ctx: ChainContext, key: string, answer: StsAnswer): void {
  JsonFileCache.credentials(ctx.session.env).set(key, plainJson(answer.response, (name, value) => (name === 'Expiration' ? answer.metadata.expiryTime : value)));
}

/** A parsed answer as plain JSON for the cache (lists of XML nodes are left out). */
function plainJson(value: unknown, replace: (name: string, value: unknown) => unknown): unknown {
  if (value instanceof PyDict) {
    return Object.fromEntries([...value.entries].map(([k, v]) => [k, plainJson(replace(k, v), replace)]).filter(([, v]) => v !== undefined));
  }
  if (typeof value === 'string' || value === null) return value;
  return undefined;
}

function stsClientConfig(ctx: ChainContext, handler: CapturingHandler) {
  const endpoint = configuredEndpoint(ctx.session, 'sts');
  return {
    region: ctx.region,
    ...(endpoint ? { endpoint } : {}),
    ...(stsRegionalEndpoints(ctx.session) === 'legacy' ? { useGlobalEndpoint: true } : {}),
    requestHandler: handler,
    logger: silentLogger,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    maxAttempts: 1,
    retryMode: 'standard',
    defaultsMode: 'legacy' as const,
    ignoreConfiguredEndpointUrls: true,
  };
}

function remember(ctx: ChainContext, metadata: CredentialMetadata): CredentialMetadata {
  if (typeof metadata.secretKey === 'string') ctx.log?.secret(metadata.secretKey);
  if (typeof metadata.token === 'string') ctx.log?.secret(metadata.token);
  return metadata;
}

/** The credentials of an STS answer, read as botocore reads them, registered as secrets for --debug and cached. */
function keepAnswer(ctx: ChainContext, key: string, root: XmlElement, action: string): CredentialMetadata {
  const answer = stsAnswer(root, action);
  remember(ctx, answer.metadata);
  writeCache(ctx, key, answer);
  return answer.metadata;
}

/** One parameter for checkStsParameters, when it is set. */
function given(name: string, value: string | number | undefined): Array<[string, string | number]> {
  return value === undefined ? [] : [[name, value]];
}

/** sts:AssumeRole with the source credentials (MFA code asked once, before the first attempt). */
export async function assumeRole(ctx: ChainContext, source: Credentials, args: AssumeRoleArgs): Promise<CredentialMetadata> {
  const key = assumeRoleCacheKey({ ...args });
  const cached = readCache(ctx, key);
  if (cached) return remember(ctx, cached);
  const tokenCode = args.SerialNumber !== undefined ? await ctx.prompt(`Enter MFA code for ${args.SerialNumber}: `) : undefined;
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const handler = new CapturingHandler(ctx.transport, { service: 'sts', secretBodies: true });
  const params = { ...args, RoleSessionName: args.RoleSessionName ?? `botocore-session-${Math.floor(Date.now() / 1000)}` };
  // botocore's order: the profile's extra arguments, the role, a generated session name, the MFA code
  checkStsParameters([
    ...given('RoleSessionName', args.RoleSessionName),
    ...given('ExternalId', args.ExternalId),
    ...given('SerialNumber', args.SerialNumber),
    ...given('DurationSeconds', args.DurationSeconds),
    ['RoleArn', args.RoleArn],
    ...(args.RoleSessionName === undefined ? given('RoleSessionName', params.RoleSessionName) : []),
    ...given('TokenCode', tokenCode),
  ]);
  ctx.log?.debug('botocore.credentials', `Assuming role ${args.RoleArn}`);
  const { root } = await queryCall(
    'AssumeRole',
    () =>
      attemptThrough(handler, () =>
        fromTemporaryCredentials({
          params,
          masterCredentials: source,
          clientConfig: stsClientConfig(ctx, handler),
          logger: silentLogger,
          ...(tokenCode !== undefined ? { mfaCodeProvider: async () => tokenCode } : {}),
        })(),
      ),
    ctx.retry(),
    ctx.log,
    'sts',
  );
  return keepAnswer(ctx, key, root, 'AssumeRole');
}

export interface WebIdentityArgs {
  readonly RoleArn: string;
  readonly RoleSessionName?: string;
}

/** sts:AssumeRoleWithWebIdentity (unsigned) with the token read from the file at call time. */
export async function assumeRoleWithWebIdentity(ctx: ChainContext, args: WebIdentityArgs, readToken: () => string): Promise<CredentialMetadata> {
  const key = assumeRoleCacheKey({ ...args });
  const cached = readCache(ctx, key);
  if (cached) return remember(ctx, cached);
  const token = readToken();
  ctx.log?.secret(token);
  const sessionName = args.RoleSessionName ?? `botocore-session-${Math.floor(Date.now() / 1000)}`;
  checkStsParameters([
    ...given('RoleSessionName', args.RoleSessionName),
    ['RoleArn', args.RoleArn],
    ...(args.RoleSessionName === undefined ? given('RoleSessionName', sessionName) : []),
    ['WebIdentityToken', token],
  ]);
  const { fromWebToken } = await import('@aws-sdk/credential-providers');
  const handler = new CapturingHandler(ctx.transport, { service: 'sts', secretBodies: true });
  const { root } = await queryCall(
    'AssumeRoleWithWebIdentity',
    () =>
      attemptThrough(handler, () =>
        fromWebToken({
          roleArn: args.RoleArn,
          roleSessionName: sessionName,
          webIdentityToken: token,
          clientConfig: stsClientConfig(ctx, handler),
          logger: silentLogger,
        })(),
      ),
    ctx.retry(),
    ctx.log,
    'sts',
  );
  return keepAnswer(ctx, key, root, 'AssumeRoleWithWebIdentity');
}
