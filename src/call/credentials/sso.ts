// IAM Identity Center (SSO) profiles: the cached token from `aws sso login` (legacy
// sso_start_url profiles, or an [sso-session] with token refresh through SSO-OIDC), exchanged for
// role credentials with the portal's GetRoleCredentials. Both are small REST-JSON calls sent
// through our transport; the CLI's token and credential caches are read and written as it does.
import { GeneralError } from '../../runtime/errors';
import { configuredEndpoint } from '../../config/client-settings';
import { clientError } from '../response';
import { RetryPolicy, sleep } from '../retry';
import { send, TransportError } from '../transport';
import { JsonFileCache, pythonJsonDumps, sha1Hex } from './cache';
import { parseTimestamp, type ChainContext, type Credentials } from './types';

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

const REFRESH_WINDOW_MS = 15 * 60 * 1000;

export async function ssoRoleCredentials(ctx: ChainContext, config: SsoConfig): Promise<Credentials> {
  const cacheKey = sha1Hex(
    pythonJsonDumps(
      { roleName: config.roleName, accountId: config.accountId, ...(config.sessionName ? { sessionName: config.sessionName } : { startUrl: config.startUrl }) },
      { sortKeys: true, compact: true },
    ),
  );
  const cache = JsonFileCache.credentials(ctx.session.env);
  const cached = cache.get(cacheKey)?.Credentials as Record<string, unknown> | undefined;
  const cachedExpiry = parseTimestamp(cached?.Expiration);
  if (cached && cachedExpiry && cachedExpiry.getTime() - Date.now() >= REFRESH_WINDOW_MS) {
    return remember(ctx, {
      accessKeyId: String(cached.AccessKeyId),
      secretAccessKey: String(cached.SecretAccessKey),
      sessionToken: String(cached.SessionToken),
      expiration: cachedExpiry,
    });
  }
  const token = config.sessionName ? await sessionToken(ctx, config) : legacyToken(ctx, config.startUrl);
  ctx.log?.secret(token);
  const endpoint = (configuredEndpoint(ctx.session, 'sso') ?? `https://portal.sso.${config.ssoRegion}.amazonaws.com`).replace(/\/$/, '');
  const query = `role_name=${encodeURIComponent(config.roleName)}&account_id=${encodeURIComponent(config.accountId)}`;
  const response = await restJsonCall(ctx, 'GetRoleCredentials', {
    method: 'GET',
    url: `${endpoint}/federation/credentials?${query}`,
    headers: { 'x-amz-sso_bearer_token': token },
  });
  const role = (response as { roleCredentials?: Record<string, unknown> }).roleCredentials ?? {};
  const credentials = remember(ctx, {
    accessKeyId: String(role.accessKeyId),
    secretAccessKey: String(role.secretAccessKey),
    sessionToken: String(role.sessionToken),
    expiration: typeof role.expiration === 'number' ? new Date(role.expiration) : undefined,
  });
  cache.set(cacheKey, {
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: credentials.expiration ? `${credentials.expiration.toISOString().slice(0, 19)}Z` : undefined,
      AccountId: config.accountId,
    },
  });
  return credentials;
}

function remember(ctx: ChainContext, credentials: Credentials): Credentials {
  ctx.log?.secret(credentials.secretAccessKey);
  ctx.log?.secret(credentials.sessionToken);
  return credentials;
}

/** The token `aws sso login` cached for a legacy profile (keyed by the start URL). */
function legacyToken(ctx: ChainContext, startUrl: string): string {
  const token = JsonFileCache.ssoTokens(ctx.session.env).get(sha1Hex(startUrl));
  if (!token) throw new SsoTokenLoadError(`Token for ${startUrl} does not exist`);
  if (!('accessToken' in token) || !('expiresAt' in token)) throw new SsoTokenLoadError(`Token for ${startUrl} is invalid`);
  const expires = parseTimestamp(token.expiresAt);
  if (!expires || expires.getTime() <= Date.now()) throw new UnauthorizedSsoTokenError();
  return String(token.accessToken);
}

/** The token of an [sso-session], refreshed through SSO-OIDC when it is about to expire. */
async function sessionToken(ctx: ChainContext, config: SsoConfig): Promise<string> {
  const tokens = JsonFileCache.ssoTokens(ctx.session.env);
  const key = sha1Hex(config.sessionName!);
  let token = tokens.get(key);
  if (!token) throw new SsoTokenLoadError(`Token for ${config.sessionName} does not exist`);
  if (!('accessToken' in token) || !('expiresAt' in token)) throw new SsoTokenLoadError(`Token for ${config.startUrl} is invalid`);
  let expires = parseTimestamp(token.expiresAt);
  if (!expires || expires.getTime() - Date.now() < REFRESH_WINDOW_MS) {
    const refreshed = await refreshToken(ctx, config, token);
    if (refreshed) {
      token = refreshed;
      expires = parseTimestamp(refreshed.expiresAt);
      tokens.set(key, refreshed);
    }
  }
  if (!expires || expires.getTime() <= Date.now()) {
    throw new GeneralError('Error when retrieving token from sso: Token has expired and refresh failed');
  }
  return String(token.accessToken);
}

async function refreshToken(ctx: ChainContext, config: SsoConfig, token: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  if (!['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'].every((k) => k in token)) return undefined;
  const registration = parseTimestamp(token.registrationExpiresAt);
  if (!registration || registration.getTime() <= Date.now()) return undefined;
  ctx.log?.secret(String(token.refreshToken));
  ctx.log?.secret(String(token.clientSecret));
  const endpoint = (configuredEndpoint(ctx.session, 'sso_oidc') ?? `https://oidc.${config.ssoRegion}.amazonaws.com`).replace(/\/$/, '');
  try {
    const answer = (await restJsonCall(ctx, 'CreateToken', {
      method: 'POST',
      url: `${endpoint}/token`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grantType: 'refresh_token', clientId: token.clientId, clientSecret: token.clientSecret, refreshToken: token.refreshToken }),
    })) as Record<string, unknown>;
    ctx.log?.secret(String(answer.accessToken));
    const expiresAt = new Date(Date.now() + Number(answer.expiresIn) * 1000);
    return {
      startUrl: config.startUrl,
      region: config.ssoRegion,
      accessToken: answer.accessToken,
      expiresAt: `${expiresAt.toISOString().slice(0, 19)}Z`,
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      registrationExpiresAt: token.registrationExpiresAt,
      ...(answer.refreshToken !== undefined ? { refreshToken: answer.refreshToken } : { refreshToken: token.refreshToken }),
    };
  } catch (error) {
    // botocore gives up on a refresh the service refused and keeps the old token
    if (error instanceof GeneralError || error instanceof Error) return undefined;
    throw error;
  }
}

/** A REST-JSON call with retries; service errors become ClientErrors (401 from the portal: the SSO session message). */
async function restJsonCall(
  ctx: ChainContext,
  operation: string,
  request: { method: string; url: string; headers: Record<string, string>; body?: string },
): Promise<unknown> {
  const policy = new RetryPolicy(ctx.retry(), ctx.log);
  for (let attempt = 1; ; attempt++) {
    let failure: TransportError | undefined;
    let status = 0;
    let code: string | undefined;
    let message = '';
    try {
      ctx.log?.debug('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${request.url}>`);
      const response = await send(request, ctx.transport);
      status = response.statusCode;
      const text = Buffer.from(response.body).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      if (status < 300) return body;
      const header = response.headers['x-amzn-errortype'];
      code = header ? header.split(':')[0] : typeof body.__type === 'string' ? body.__type.split('#').pop() : typeof body.code === 'string' ? body.code : String(status);
      message = String(body.message ?? body.Message ?? '');
      if (code === 'UnauthorizedException' && operation === 'GetRoleCredentials') throw new UnauthorizedSsoTokenError();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
    }
    const decision = policy.decide(attempt, { statusCode: status || undefined, errorCode: code, connectionError: failure !== undefined, timeout: failure?.isTimeout });
    if (decision.retry) {
      await sleep(decision.delay);
      continue;
    }
    if (failure) throw failure;
    throw clientError({ ok: false, code, message }, operation, decision.maxAttemptsReached ? attempt - 1 : undefined);
  }
}
