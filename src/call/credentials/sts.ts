// STS AssumeRole and AssumeRoleWithWebIdentity through @aws-sdk/credential-providers
// (fromTemporaryCredentials, fromWebToken). The SDK builds and signs the call; it is sent
// through our transport with botocore's retries, errors are reported as the CLI reports them,
// and results are cached in ~/.aws/cli/cache under the CLI's own keys.
import { configuredEndpoint, stsRegionalEndpoints } from '../../config/client-settings';
import { attemptThrough, CapturingHandler, queryCall } from '../service-call';
import { JsonFileCache, pythonJsonDumps, sha1Hex } from './cache';
import { childElement, childText } from '../response';
import type { XmlElement } from '../xml';
import { parseTimestamp, type ChainContext, type Credentials } from './types';

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

/** Assumed-role credentials are reused from the cache while more than 15 minutes remain. */
const CACHE_WINDOW_MS = 15 * 60 * 1000;

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

function readCache(ctx: ChainContext, key: string): Credentials | undefined {
  const cached = JsonFileCache.credentials(ctx.session.env).get(key);
  const creds = cached?.Credentials as Record<string, unknown> | undefined;
  const expiration = parseTimestamp(creds?.Expiration);
  if (!creds || !expiration || expiration.getTime() - Date.now() < CACHE_WINDOW_MS) return undefined;
  ctx.log?.debug('botocore.credentials', 'Credentials for role retrieved from cache.');
  return {
    accessKeyId: String(creds.AccessKeyId),
    secretAccessKey: String(creds.SecretAccessKey),
    sessionToken: String(creds.SessionToken),
    expiration,
  };
}

/** Writes the answer as the CLI caches it (Expiration in ISO form, the account taken from the role ARN). */
function writeCache(ctx: ChainContext, key: string, credentials: Credentials, root: XmlElement, resultName: string): void {
  const result = childElement(root, resultName);
  const user = result ? childElement(result, 'AssumedRoleUser') : undefined;
  const arn = user ? childText(user, 'Arn') : undefined;
  const account = typeof arn === 'string' ? /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(arn)?.[1] : undefined;
  JsonFileCache.credentials(ctx.session.env).set(key, {
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: credentials.expiration ? `${credentials.expiration.toISOString().slice(0, 19)}+00:00` : undefined,
      ...(account ? { AccountId: account } : {}),
    },
    ...(user ? { AssumedRoleUser: { AssumedRoleId: childText(user, 'AssumedRoleId') ?? undefined, Arn: arn ?? undefined } } : {}),
  });
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

function remember(ctx: ChainContext, credentials: Credentials): Credentials {
  ctx.log?.secret(credentials.secretAccessKey);
  ctx.log?.secret(credentials.sessionToken);
  return credentials;
}

/** The credentials an STS answer gave: registered as secrets for --debug, and cached like botocore. */
function keepAnswer(ctx: ChainContext, key: string, answer: Credentials, root: XmlElement, resultName: string): Credentials {
  const credentials = remember(ctx, {
    accessKeyId: answer.accessKeyId,
    secretAccessKey: answer.secretAccessKey,
    sessionToken: answer.sessionToken,
    expiration: answer.expiration,
  });
  writeCache(ctx, key, credentials, root, resultName);
  return credentials;
}

/** sts:AssumeRole with the source credentials (MFA code asked once, before the first attempt). */
export async function assumeRole(ctx: ChainContext, source: Credentials, args: AssumeRoleArgs): Promise<Credentials> {
  const key = assumeRoleCacheKey({ ...args });
  const cached = readCache(ctx, key);
  if (cached) return remember(ctx, cached);
  const tokenCode = args.SerialNumber !== undefined ? await ctx.prompt(`Enter MFA code for ${args.SerialNumber}: `) : undefined;
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const handler = new CapturingHandler(ctx.transport, { service: 'sts', secretBodies: true });
  const params = { ...args, RoleSessionName: args.RoleSessionName ?? `botocore-session-${Math.floor(Date.now() / 1000)}` };
  ctx.log?.debug('botocore.credentials', `Assuming role ${args.RoleArn}`);
  const { root, value } = await queryCall(
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
  );
  return keepAnswer(ctx, key, value!, root, 'AssumeRoleResult');
}

export interface WebIdentityArgs {
  readonly RoleArn: string;
  readonly RoleSessionName?: string;
}

/** sts:AssumeRoleWithWebIdentity (unsigned) with the token read from the file at call time. */
export async function assumeRoleWithWebIdentity(ctx: ChainContext, args: WebIdentityArgs, readToken: () => string): Promise<Credentials> {
  const key = assumeRoleCacheKey({ ...args });
  const cached = readCache(ctx, key);
  if (cached) return remember(ctx, cached);
  const token = readToken();
  ctx.log?.secret(token);
  const { fromWebToken } = await import('@aws-sdk/credential-providers');
  const handler = new CapturingHandler(ctx.transport, { service: 'sts', secretBodies: true });
  const { root, value } = await queryCall(
    'AssumeRoleWithWebIdentity',
    () =>
      attemptThrough(handler, () =>
        fromWebToken({
          roleArn: args.RoleArn,
          roleSessionName: args.RoleSessionName ?? `botocore-session-${Math.floor(Date.now() / 1000)}`,
          webIdentityToken: token,
          clientConfig: stsClientConfig(ctx, handler),
          logger: silentLogger,
        })(),
      ),
    ctx.retry(),
    ctx.log,
  );
  return keepAnswer(ctx, key, value!, root, 'AssumeRoleWithWebIdentityResult');
}
