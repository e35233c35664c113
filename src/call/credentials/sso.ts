// IAM Identity Center (SSO) profiles: the cached token from `aws sso login` (legacy
// sso_start_url profiles, or an [sso-session] with token refresh through SSO-OIDC), exchanged for
// role credentials with the portal's GetRoleCredentials. Both are small REST-JSON calls sent
// through our transport; the CLI's token and credential caches are read and written as it does.
import { GeneralError } from '../../runtime/errors';
import { ServiceError } from '../errors';
import { configuredEndpoint } from '../../config/client-settings';
import { expandPath } from '../../config/session';
import { dateutilParse, type PyDateTime } from '../../util/dateutil';
import { PyDict } from '../../util/pyjson';
import { pyContains, pyItem } from '../../util/pyops';
import { PyNumber, pyStr } from '../../util/python';
import { clientError } from '../response';
import { RetryPolicy, sleep } from '../retry';
import { send, TransportError } from '../transport';
import { JsonFileCache, pythonJsonDumps, sha1Hex } from './cache';
import { pythonErrorsSync, type CredentialMetadata } from './shape';
import { secondsRemaining } from './refreshable';
import { createTokenAnswer, loadCachedToken, requireText, restJsonError, roleCredentialsMetadata } from './sso-shapes';
import { type ChainContext } from './types';
import { cachedResponse, credentialsOf } from './cached-fetcher';

export class SsoTokenLoadError extends GeneralError {
  constructor(detail: string) {
    super(`Error loading SSO Token: ${detail}`);
  }
}

export class UnauthorizedSsoTokenError extends GeneralError {
  constructor() {
    super(
      'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO ' +
        'session run aws sso login with the corresponding profile.',
    );
  }
}

export interface SsoConfig {
  readonly startUrl: string;
  readonly ssoRegion: string;
  readonly roleName: string;
  readonly accountId: string;
  /** Set for profiles that use an [sso-session] section. */
  readonly sessionName?: string;
}

const REFRESH_WINDOW_S = 15 * 60;

/** SSOCredentialFetcher: role credentials from the CLI's cache, or from GetRoleCredentials with the cached token. */
export async function ssoRoleMetadata(ctx: ChainContext, config: SsoConfig): Promise<CredentialMetadata> {
  const cacheKey = sha1Hex(
    pythonJsonDumps(
      { roleName: config.roleName, accountId: config.accountId, ...(config.sessionName ? { sessionName: config.sessionName } : { startUrl: config.startUrl }) },
      { sortKeys: true, compact: true },
    ),
  );
  const cache = JsonFileCache.credentials(ctx.session.env);
  const cached = cachedResponse(expandPath('~/.aws/cli/cache', ctx.session.env), cacheKey);
  if (cached !== undefined) return remember(ctx, credentialsOf(cached));
  const token = config.sessionName ? await sessionToken(ctx, config) : legacyToken(ctx, config);
  requireText([['roleName', config.roleName], ['accountId', config.accountId], ['accessToken', token]]);
  ctx.log?.secret(token as string);
  const endpoint = (configuredEndpoint(ctx.session, 'sso') ?? `https://portal.sso.${config.ssoRegion}.amazonaws.com`).replace(/\/$/, '');
  const query = `role_name=${encodeURIComponent(config.roleName)}&account_id=${encodeURIComponent(config.accountId)}`;
  const body = await restJsonCall(ctx, 'GetRoleCredentials', {
    method: 'GET',
    url: `${endpoint}/federation/credentials?${query}`,
    headers: { 'x-amz-sso_bearer_token': token as string },
  });
  const metadata = remember(ctx, roleCredentialsMetadata(body));
  cache.set(cacheKey, {
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: metadata.accessKey,
      SecretAccessKey: metadata.secretKey,
      SessionToken: metadata.token,
      Expiration: metadata.expiryTime,
      AccountId: config.accountId,
    },
  });
  return metadata;
}

function remember(ctx: ChainContext, metadata: CredentialMetadata): CredentialMetadata {
  if (typeof metadata.secretKey === 'string') ctx.log?.secret(metadata.secretKey);
  if (typeof metadata.token === 'string') ctx.log?.secret(metadata.token);
  return metadata;
}

const tokenCacheDir = (ctx: ChainContext) => expandPath('~/.aws/sso/cache', ctx.session.env);
const loadError = (detail: string) => new SsoTokenLoadError(detail);

/** The token `aws sso login` cached for a legacy profile (keyed by the start URL); an expired one is refused before the call. */
function legacyToken(ctx: ChainContext, config: SsoConfig): unknown {
  const cached = loadCachedToken(tokenCacheDir(ctx), sha1Hex(config.startUrl), { missing: config.startUrl, startUrl: config.startUrl }, loadError);
  const token = pyItem(cached, 'accessToken');
  if (secondsRemaining(dateutilParse(pyItem(cached, 'expiresAt'))) <= 0) throw new UnauthorizedSsoTokenError();
  return token;
}

/** SSOTokenProvider: the token of an [sso-session], refreshed through SSO-OIDC when under 15 minutes remain. */
async function sessionToken(ctx: ChainContext, config: SsoConfig): Promise<unknown> {
  const key = sha1Hex(config.sessionName!);
  const cached = loadCachedToken(tokenCacheDir(ctx), key, { missing: config.sessionName!, startUrl: config.startUrl }, loadError);
  let expiresMs = epochMsOfAware(dateutilParse(pyItem(cached, 'expiresAt')));
  const refreshed = (expiresMs - Date.now()) / 1000 < REFRESH_WINDOW_S ? await refreshToken(ctx, config, cached) : undefined;
  if (refreshed) {
    expiresMs = refreshed.expiresMs;
    JsonFileCache.ssoTokens(ctx.session.env).set(key, refreshed.token);
  }
  const accessToken = refreshed ? refreshed.accessToken : pyItem(cached, 'accessToken');
  if (expiresMs - Date.now() <= 0) throw new GeneralError('Error when retrieving token from sso: Token has expired and refresh failed');
  return accessToken;
}

/** Milliseconds of an expiry, with Python's error for a naive one. */
function epochMsOfAware(expiry: PyDateTime): number {
  return Date.now() + secondsRemaining(expiry) * 1000;
}

/** SSO-OIDC CreateToken with the cached registration: the new token (for the cache), its access token and expiry; undefined when it cannot or may not refresh. */
async function refreshToken(
  ctx: ChainContext,
  config: SsoConfig,
  token: unknown,
): Promise<{ token: Record<string, unknown>; accessToken: unknown; expiresMs: number } | undefined> {
  if (!['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'].every((k) => pyContains(token, k))) return undefined;
  if (secondsRemaining(dateutilParse(pyItem(token, 'registrationExpiresAt'))) <= 0) return undefined;
  const [clientId, clientSecret, refresh] = ['clientId', 'clientSecret', 'refreshToken'].map((k) => pyItem(token, k));
  requireText([['grantType', 'refresh_token'], ['clientId', clientId], ['clientSecret', clientSecret], ['refreshToken', refresh]]);
  ctx.log?.secret(refresh as string);
  ctx.log?.secret(clientSecret as string);
  const endpoint = (configuredEndpoint(ctx.session, 'sso_oidc') ?? `https://oidc.${config.ssoRegion}.amazonaws.com`).replace(/\/$/, '');
  let body: Uint8Array;
  try {
    body = await restJsonCall(ctx, 'CreateToken', {
      method: 'POST',
      url: `${endpoint}/token`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grantType: 'refresh_token', clientId, clientSecret, refreshToken: refresh }),
    });
  } catch (error) {
    // botocore gives up on a refresh the service refused and keeps the old token
    if (error instanceof ServiceError) return undefined;
    throw error;
  }
  const answer = createTokenAnswer(body);
  const expiresMs = Date.now() + Number(answer.expiresInSeconds) * 1000;
  if (typeof answer.accessToken === 'string') ctx.log?.secret(answer.accessToken);
  return {
    expiresMs,
    accessToken: answer.accessToken,
    token: {
      startUrl: config.startUrl,
      region: config.ssoRegion,
      accessToken: plain(answer.accessToken),
      expiresAt: `${new Date(expiresMs).toISOString().slice(0, 19)}Z`,
      clientId: plain(clientId),
      clientSecret: plain(clientSecret),
      registrationExpiresAt: plain(pyItem(token, 'registrationExpiresAt')),
      ...(answer.refreshToken !== undefined ? { refreshToken: plain(answer.refreshToken) } : {}),
    },
  };
}

/** A parsed JSON value as plain JavaScript, for writing back to the cache. */
function plain(value: unknown): unknown {
  if (value instanceof PyNumber) return value.value;
  if (value instanceof PyDict) return Object.fromEntries([...value.entries].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** A REST-JSON call with retries: the answer's body, or a ClientError (401 from the portal: the SSO session message). */
async function restJsonCall(
  ctx: ChainContext,
  operation: string,
  request: { method: string; url: string; headers: Record<string, string>; body?: string },
): Promise<Uint8Array> {
  const policy = new RetryPolicy(ctx.retry(), ctx.log);
  for (let attempt = 1; ; attempt++) {
    let failure: TransportError | undefined;
    let status = 0;
    let code: unknown;
    let message: unknown = '';
    try {
      ctx.log?.debug('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${request.url}>`);
      const response = await send(request, ctx.transport);
      status = response.statusCode;
      if (status < 300) return response.body;
      ({ code, message } = pythonErrorsSync(() => restJsonError(status, response.headers, response.body)));
      if (code === 'UnauthorizedException' && operation === 'GetRoleCredentials') throw new UnauthorizedSsoTokenError();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
    }
    const errorCode = typeof code === 'string' ? code : undefined;
    const decision = policy.decide(attempt, { statusCode: status || undefined, errorCode, connectionError: failure !== undefined, timeout: failure?.isTimeout });
    if (decision.retry) {
      await sleep(decision.delay);
      continue;
    }
    if (failure) throw failure;
    throw clientError({ ok: false, code: pyStr(code), message: pyStr(message) }, operation, decision.maxAttemptsReached ? attempt - 1 : undefined);
  }
}
