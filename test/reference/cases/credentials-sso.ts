// IAM Identity Center: the token cache file `aws sso login` leaves (legacy sso_start_url profiles
// and [sso-session] profiles with SSO-OIDC refresh) and the portal's GetRoleCredentials answer,
// each in every odd shape. The portal and SSO-OIDC are one scripted server ({{SSO}}, through
// AWS_ENDPOINT_URL_SSO / _SSO_OIDC); each scenario pins the requests it and EC2 received.
import { createHash } from 'node:crypto';
import { cacheFileShapes, FUTURE_ISO, FUTURE_MS, json, PAST_ISO, PAST_MS, raw, sso, ssoGood, type Shape, type SsoScript } from '../../helpers/credential-answers';
import { ssoKeys } from '../../helpers/fake-aws';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const env = { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_SSO: '{{SSO}}', AWS_ENDPOINT_URL_SSO_OIDC: '{{SSO}}' };
const START_URL = 'https://example.awsapps.com/start';
const configuredEndpoints = 'versions.md §3: 2.9.19 ignores AWS_ENDPOINT_URL_SSO and would call the real portal';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const legacyConfig = `[default]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`;
const sessionConfig =
  '[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n' +
  `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`;
const legacyTokenPath = `.aws/sso/cache/${sha1(START_URL)}.json`;
const sessionTokenPath = `.aws/sso/cache/${sha1('corp')}.json`;
const goodToken = { accessToken: 'sso-access-token-value', expiresAt: FUTURE_ISO };
const refreshable = {
  startUrl: START_URL,
  region: 'us-east-1',
  accessToken: 'sso-access-token-value',
  expiresAt: PAST_ISO,
  clientId: 'client-id-value',
  clientSecret: 'client-secret-value',
  registrationExpiresAt: FUTURE_ISO,
  refreshToken: 'refresh-token-value',
};

const legacy = (name: string, token: string | Uint8Array | undefined, script: SsoScript = {}, extra: Partial<Scenario> = {}): Scenario => ({
  name: `sso: ${name}`,
  args: call,
  env,
  files: { '.aws/config': legacyConfig, ...(token === undefined ? {} : { [legacyTokenPath]: token }) },
  servers: { sso: sso(script) },
  replies: [successReply()],
  differsIn2919: configuredEndpoints,
  ...extra,
});

const session = (name: string, token: string | Uint8Array | (() => string), script: SsoScript = {}, extraEnv: Record<string, string> = {}): Scenario => ({
  name: `sso-session: ${name}`,
  args: call,
  env: { ...env, ...extraEnv },
  files: { '.aws/config': sessionConfig, [sessionTokenPath]: token },
  servers: { sso: sso(script) },
  replies: [successReply()],
  differsIn2919: configuredEndpoints,
});

const tokenText = (value: unknown) => JSON.stringify(value);

/** The token file `aws sso login` wrote, in odd shapes (legacy profile). */
const tokenFiles: Array<[string, string | Uint8Array]> = [
  ['not JSON', 'hello'],
  ['empty', ''],
  ['null', 'null'],
  ['a number', '1'],
  ['a list', '[]'],
  ['a list holding the key names', '["accessToken", "expiresAt"]'],
  ['a string holding the key names', '"accessToken expiresAt"'],
  ['an empty object', '{}'],
  ['truncated', tokenText(goodToken).slice(0, 20)],
  ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
  ['with a byte order mark', `\ufeff${tokenText(goodToken)}`],
  ['accessToken missing', tokenText({ expiresAt: FUTURE_ISO })],
  ['expiresAt missing', tokenText({ accessToken: 'sso-access-token-value' })],
  ['accessToken null', tokenText({ ...goodToken, accessToken: null })],
  ['accessToken a number', tokenText({ ...goodToken, accessToken: 1 })],
  ['accessToken empty', tokenText({ ...goodToken, accessToken: '' })],
  ['accessToken a list', tokenText({ ...goodToken, accessToken: [] })],
  ['accessToken not latin-1', tokenText({ ...goodToken, accessToken: 'tok€n' })],
  ['expiresAt null', tokenText({ ...goodToken, expiresAt: null })],
  ['expiresAt a number', tokenText({ ...goodToken, expiresAt: 4070908800 })],
  ['expiresAt empty', tokenText({ ...goodToken, expiresAt: '' })],
  ['expiresAt not a date', tokenText({ ...goodToken, expiresAt: 'not a date' })],
  ['expiresAt past', tokenText({ ...goodToken, expiresAt: PAST_ISO })],
  ['expiresAt without a time zone', tokenText({ ...goodToken, expiresAt: '2099-01-01T00:00:00' })],
  ['expiresAt with an offset', tokenText({ ...goodToken, expiresAt: '2099-01-01T00:00:00+02:00' })],
  ['expiresAt in UTC words', tokenText({ ...goodToken, expiresAt: '2099-01-01T00:00:00UTC' })],
];

const roleCredentials = (value: unknown) => json({ roleCredentials: value });
const errorAnswer = (status: number, type: string | undefined, message: string): SsoScript['roleCredentials'] => ({
  status,
  body: JSON.stringify({ message }),
  headers: { 'Content-Type': 'application/json', ...(type ? { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/` } : {}) },
});

/** GetRoleCredentials answers in odd shapes. */
const portalAnswers: Shape[] = [
  ...[null, 1, 'text', true, [], {}].map((value) => ({ name: `top level ${JSON.stringify(value)}`, answer: json(value) })),
  ...[null, 1, 'text', true, [], {}, [ssoGood]].map((value) => ({ name: `roleCredentials ${JSON.stringify(value).slice(0, 40)}`, answer: roleCredentials(value) })),
  ...(['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration'] as const).map((field) => {
    const copy: Record<string, unknown> = { ...ssoGood };
    delete copy[field];
    return { name: `${field} missing`, answer: roleCredentials(copy) };
  }),
  ...(
    [
      ['accessKeyId', [1, null, '', 'AKID€']],
      ['secretAccessKey', [null, 1, '']],
      ['sessionToken', [null, 1, '', 'tok€n']],
      ['expiration', [null, String(FUTURE_MS), FUTURE_MS + 0.5, PAST_MS, 4070908800, 1e20, -1, 0, true, [], '2099-01-01T00:00:00Z']],
    ] as const
  ).flatMap(([field, values]) =>
    (values as readonly unknown[]).map((value) => ({ name: `${field} ${JSON.stringify(value)}`, answer: roleCredentials({ ...ssoGood, [field]: value }) })),
  ),
  { name: 'extra fields', answer: json({ roleCredentials: { ...ssoGood, extra: 1 }, other: [1] }) },
  { name: 'body not JSON', answer: raw('hello') },
  { name: 'body empty', answer: raw('') },
  { name: 'body truncated', answer: raw(JSON.stringify({ roleCredentials: ssoGood }).slice(0, 30)) },
  { name: 'body cut short of its Content-Length', answer: { ...raw('{"roleCredentials": {'), contentLength: 200 } },
  { name: 'body not UTF-8', answer: raw(new Uint8Array([0x7b, 0xff, 0x7d])) },
  { name: 'body with a byte order mark', answer: raw(`\ufeff${JSON.stringify({ roleCredentials: ssoGood })}`) },
  { name: 'body with NaN', answer: raw(JSON.stringify({ roleCredentials: ssoGood }).replace(/}}$/, ', "x": NaN}}')) },
  { name: 'status 401 UnauthorizedException', answer: errorAnswer(401, 'UnauthorizedException', 'Session token not found or invalid')! },
  { name: 'status 403 ForbiddenException', answer: errorAnswer(403, 'ForbiddenException', 'No access')! },
  { name: 'status 404 ResourceNotFoundException', answer: errorAnswer(404, 'ResourceNotFoundException', 'Could not find Role')! },
  { name: 'status 400 InvalidRequestException', answer: errorAnswer(400, 'InvalidRequestException', 'bad')! },
  { name: 'status 401 without an error type', answer: raw('{"message": "who are you"}', 401) },
  { name: 'status 400 with __type', answer: raw('{"__type": "com.amazonaws.sso#InvalidRequestException", "message": "typed"}', 400) },
  { name: 'status 400 not JSON', answer: raw('bad request', 400) },
  { name: 'status 500 empty', answer: raw('', 500) },
  { name: 'connection dropped', answer: { body: '', destroy: true } },
];

/** SSO-OIDC CreateToken answers when the cached token needs a refresh. */
const createTokenAnswers: Array<[string, SsoScript['createToken']]> = [
  ['refresh succeeds', undefined],
  ['expiresIn a string', json({ accessToken: 'refreshed-token-value', expiresIn: '3600', tokenType: 'Bearer' })],
  ['expiresIn null', json({ accessToken: 'refreshed-token-value', expiresIn: null })],
  ['accessToken missing', json({ expiresIn: 3600, tokenType: 'Bearer' })],
  ['answer null', json(null)],
  ['answer not JSON', raw('hello')],
  ['InvalidGrantException', { status: 400, body: '{"error": "invalid_grant", "error_description": "expired"}', headers: { 'x-amzn-errortype': 'InvalidGrantException:' } }],
  ['status 500', raw('', 500)],
];

/** Where the CLI caches the role credentials of the legacy profile (SHA-1 of the compact sorted JSON of its arguments). */
const roleCachePath = `.aws/cli/cache/${sha1(JSON.stringify({ accountId: '123456789012', roleName: 'Admin', startUrl: START_URL }))}.json`;
const cachedRole = { AccessKeyId: ssoKeys.accessKeyId, SecretAccessKey: ssoKeys.secretAccessKey, SessionToken: ssoKeys.sessionToken, AccountId: '123456789012' };

export const scenarios: Scenario[] = [
  legacy('a good token and answer sign the call', tokenText(goodToken)),
  ...cacheFileShapes(cachedRole).map(([name, text]) =>
    legacy(`cached role credentials ${name}`, tokenText(goodToken), {}, { files: { '.aws/config': legacyConfig, [legacyTokenPath]: tokenText(goodToken), [roleCachePath]: text } }),
  ),
  ...tokenFiles.map(([name, text]) => legacy(`token file ${name}`, text)),
  legacy('token file is a directory', undefined, {}, { files: { '.aws/config': legacyConfig, [`${legacyTokenPath}/x`]: '' } }),
  ...portalAnswers.map((shape) =>
    legacy(`GetRoleCredentials ${shape.name}`, tokenText(goodToken), { roleCredentials: shape.answer }, shape.name.startsWith('status 500') || shape.name === 'connection dropped' ? { env: { ...env, AWS_MAX_ATTEMPTS: '2' } } : {}),
  ),
  legacy('GetRoleCredentials 429 is retried', tokenText(goodToken), { roleCredentials: errorAnswer(429, 'TooManyRequestsException', 'slow down') }, { env: { ...env, AWS_MAX_ATTEMPTS: '2' } }),

  // ---- [sso-session] profiles: the token and its refresh through SSO-OIDC ----
  session('a good token signs the call', tokenText(goodToken)),
  session('token file null', 'null'),
  session('token file not JSON', 'hello'),
  session('token file a list', '[]'),
  session('expiresAt not a date', tokenText({ ...goodToken, expiresAt: 'not a date' })),
  session('expiresAt null', tokenText({ ...goodToken, expiresAt: null })),
  session('expired without refresh keys', tokenText({ ...goodToken, expiresAt: PAST_ISO })),
  session('expired with the registration expired', tokenText({ ...refreshable, registrationExpiresAt: PAST_ISO })),
  session('expired with registrationExpiresAt not a date', tokenText({ ...refreshable, registrationExpiresAt: 'soon' })),
  session('expired with registrationExpiresAt a number', tokenText({ ...refreshable, registrationExpiresAt: 5 })),
  session('expired with clientSecret missing', tokenText({ ...refreshable, clientSecret: undefined })),
  ...createTokenAnswers.map(([name, answer]) =>
    session(`CreateToken ${name}`, tokenText(refreshable), answer ? { createToken: answer } : {}, name === 'status 500' ? { AWS_MAX_ATTEMPTS: '2' } : {}),
  ),
  // written when the scenario runs: 12 minutes left is inside the 15-minute refresh window
  session(
    'expiring soon and the refresh fails, the old token is used',
    () => tokenText({ ...refreshable, expiresAt: new Date(Date.now() + 12 * 60_000).toISOString() }),
    { createToken: raw('', 500) },
    { AWS_MAX_ATTEMPTS: '1' },
  ),
];
