// Scripted answers of the credential services, for reference scenarios and property tests: the
// container endpoint, instance metadata (IMDSv2), the SSO portal and SSO-OIDC, STS. Each builder
// returns a ServerScript; the `shapes` helpers list the odd answers a JSON source can give.
import type { Answer, Seen } from './fake-aws';
import { containerKeys, imdsKeys, ssoKeys, stsKeys } from './fake-aws';
import type { ServerScript } from './scenario';

/** A fixed, far-future expiry: recordings stay valid for decades and print no clock-dependent text. */
export const FUTURE_ISO = '2099-01-01T00:00:00Z';
export const FUTURE_MS = 4070908800000;
export const PAST_ISO = '2020-01-01T00:00:00Z';
export const PAST_MS = 1577836800000;

/** An answer with this exact body text (or bytes). */
export function raw(body: string | Uint8Array, status = 200, headers?: Record<string, string>): Answer {
  return { status, body, ...(headers ? { headers } : {}) };
}

/** An answer whose body is the JSON of a value. */
export function json(value: unknown, status = 200): Answer {
  return raw(JSON.stringify(value), status, { 'Content-Type': 'application/json' });
}

/** One way a JSON source can answer, named for the scenario title. */
export interface Shape {
  readonly name: string;
  readonly answer: Answer;
}

const missing = Symbol('missing');

/** The good answer with one field replaced (or removed with `missing`). */
function withField(good: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...good };
  if (value === missing) delete copy[field];
  else copy[field] = value;
  return copy;
}

/** Python-flavoured names of the JSON values the shapes use. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `a list ${JSON.stringify(value)}` : 'an empty list';
  if (typeof value === 'object') return Object.keys(value as object).length ? `an object ${JSON.stringify(value)}` : 'an empty object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${JSON.stringify(value)}`;
}

/** Every JSON type at the top level. */
export function topLevelShapes(good: Record<string, unknown>): Shape[] {
  const values: unknown[] = [null, 1, 1.5, 'text', true, false, [], [good], {}];
  return values.map((value) => ({ name: `top level ${describe(value)}`, answer: json(value) }));
}

/** Each field missing, then each of its odd values. */
export function fieldShapes(good: Record<string, unknown>, odd: Readonly<Record<string, readonly unknown[]>>): Shape[] {
  const shapes: Shape[] = [];
  for (const [field, values] of Object.entries(odd)) {
    shapes.push({ name: `${field} missing`, answer: json(withField(good, field, missing)) });
    for (const value of values) shapes.push({ name: `${field} ${describe(value)}`, answer: json(withField(good, field, value)) });
  }
  return shapes;
}

/** Bodies that are not (whole) JSON, and answers with other statuses. */
export function bodyShapes(good: Record<string, unknown>): Shape[] {
  const text = JSON.stringify(good);
  return [
    { name: 'body not JSON', answer: raw('hello') },
    { name: 'body empty', answer: raw('') },
    { name: 'body whitespace only', answer: raw(' \n') },
    { name: 'body truncated JSON', answer: raw(text.slice(0, Math.floor(text.length / 2))) },
    { name: 'body cut short of its Content-Length', answer: { ...raw(text.slice(0, 20)), contentLength: text.length } },
    { name: 'body HTML page', answer: raw('<html><body>Service Unavailable</body></html>') },
    { name: 'body not UTF-8', answer: raw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) },
    { name: 'body with a byte order mark', answer: raw(`\ufeff${text}`) },
    { name: 'body JSON followed by junk', answer: raw(`${text} trailing`) },
    { name: 'body with NaN as a value', answer: raw(text.replace(/}$/, ', "Extra": NaN}')) },
    { name: 'body with duplicate keys (last wins)', answer: raw(`{${JSON.stringify(Object.keys(good)[0])}: 1, ${text.slice(1)}`) },
    { name: 'extra unknown fields', answer: json({ ...good, Unknown: { nested: [1, 2] }, Code: 'Success' }) },
  ];
}

/** Odd values for each field of the container endpoint's and IMDS's answer (same field names). */
export const awsOddFields = {
  AccessKeyId: [1, null, true, [], {}, '', ' ', 'AKIDé', 'AKID€'],
  SecretAccessKey: [null, 1, '', []],
  Token: [null, 1, '', true, {}],
  Expiration: [
    null,
    1,
    4070908800,
    1.5,
    true,
    [],
    '',
    'not a date',
    PAST_ISO,
    '2099-01-01T00:00:00',
    '2099-01-01',
    '4070908800',
    '2099-01-01T00:00:00+01:00',
    'Thu, 01 Jan 2099 00:00:00 GMT',
    '2099-13-01T00:00:00Z',
    '2099-01-01T00:00:00 EST',
  ],
} as const;

// ---- the services ----

export const containerGood = { AccessKeyId: containerKeys.AccessKeyId, SecretAccessKey: containerKeys.SecretAccessKey, Token: containerKeys.Token, Expiration: FUTURE_ISO };

/** The container endpoint: every request gets the same answer. */
export function container(answer: Answer): ServerScript {
  return () => answer;
}

/** The container endpoint answering only requests that carry this Authorization header (401 otherwise). */
export function containerWithToken(token: string, answer: Answer): ServerScript {
  return (request) => (request.headers.authorization === token ? answer : raw('{"message": "unauthorized"}', 401));
}

export const IMDS_SESSION = 'imds-session-token';
export const IMDS_ROLE = 'instance-role';
export const imdsGood = { Code: 'Success', LastUpdated: '2026-01-01T00:00:00Z', Type: 'AWS-HMAC', AccessKeyId: imdsKeys.AccessKeyId, SecretAccessKey: imdsKeys.SecretAccessKey, Token: imdsKeys.Token, Expiration: FUTURE_ISO };

export interface ImdsScript {
  /** PUT /latest/api/token (default: a session token). */
  token?: Answer;
  /** GET .../security-credentials/ (default: the role name). */
  roles?: Answer;
  /** GET .../security-credentials/<role>. */
  credentials?: Answer;
  /** The role the credentials path names (default IMDS_ROLE). */
  role?: string;
}

/** IMDSv2: the token, the role list and the role's credentials, each answer scripted. */
export function imds(script: ImdsScript): ServerScript {
  const role = script.role ?? IMDS_ROLE;
  return (request: Seen) => {
    const base = '/latest/meta-data/iam/security-credentials/';
    if (request.method === 'PUT' && request.path === '/latest/api/token') return script.token ?? raw(IMDS_SESSION);
    if (request.method === 'GET' && request.path === base) return script.roles ?? raw(role);
    if (request.method === 'GET' && request.path === `${base}${encodeURI(role)}`) return script.credentials ?? json(imdsGood);
    return raw('', 404);
  };
}

export const ssoGood = { accessKeyId: ssoKeys.accessKeyId, secretAccessKey: ssoKeys.secretAccessKey, sessionToken: ssoKeys.sessionToken, expiration: FUTURE_MS };

export interface SsoScript {
  /** GET /federation/credentials (GetRoleCredentials). */
  roleCredentials?: Answer;
  /** POST /token (SSO-OIDC CreateToken). */
  createToken?: Answer;
}

/** The SSO portal and SSO-OIDC on one server. */
export function sso(script: SsoScript): ServerScript {
  return (request) => {
    if (request.path === '/token') return script.createToken ?? json({ accessToken: 'refreshed-token-value', expiresIn: 3600, tokenType: 'Bearer' });
    if (request.path.startsWith('/federation/credentials')) return script.roleCredentials ?? json({ roleCredentials: ssoGood });
    return raw('{"message": "not found"}', 404);
  };
}

/** The parts of an STS credentials answer, each replaceable. */
export interface StsParts {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  expiration?: string;
}

/** An STS <Credentials> element: each part as given, `null` leaves the element out. */
export function stsCredentials(parts: { [K in keyof StsParts]?: string | null } = {}): string {
  const element = (name: string, value: string | null | undefined, fallback: string) =>
    value === null ? '' : `<${name}>${value ?? fallback}</${name}>`;
  return (
    '<Credentials>' +
    element('AccessKeyId', parts.accessKeyId, stsKeys.accessKeyId) +
    element('SecretAccessKey', parts.secretAccessKey, stsKeys.secretAccessKey) +
    element('SessionToken', parts.sessionToken, stsKeys.sessionToken) +
    element('Expiration', parts.expiration, FUTURE_ISO) +
    '</Credentials>'
  );
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ASSUMED_USER = '<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn><AssumedRoleId>AROA0000000000:s</AssumedRoleId></AssumedRoleUser>';

/** A whole STS answer for `action` with this Result content. */
export function stsResult(action: string, inner: string = stsCredentials() + ASSUMED_USER): string {
  return `<${action}Response xmlns="${STS_NS}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`;
}

export function stsError(code: string | null, message: string | null): string {
  const code_ = code === null ? '' : `<Code>${code}</Code>`;
  const message_ = message === null ? '' : `<Message>${message}</Message>`;
  return `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type>${code_}${message_}</Error><RequestId>r-1</RequestId></ErrorResponse>`;
}

/** STS: every request gets the same answer. */
export function sts(answer: Answer): ServerScript {
  return () => answer;
}

export { ASSUMED_USER };

/** Odd contents of a cached response in ~/.aws/cli/cache (what assume role and SSO reuse), by name; `good` is a valid Credentials object. */
export function cacheFileShapes(good: Readonly<Record<string, unknown>>): Array<[string, string]> {
  const file = (credentials: unknown) => JSON.stringify({ Credentials: credentials });
  return [
    ['not JSON', 'hello'],
    ['null', 'null'],
    ['a list', '[]'],
    ['an empty object', '{}'],
    ['Credentials empty', file({})],
    ['Credentials a string', file('text')],
    ['Expiration not a date', file({ ...good, Expiration: 'not a date' })],
    ['Expiration a number', file({ ...good, Expiration: 4070908800 })],
    ['Expiration without a time zone', file({ ...good, Expiration: '2099-01-01T00:00:00' })],
    ['expired, fetched again', file({ ...good, Expiration: PAST_ISO })],
    ['valid, used without a call', file({ ...good, Expiration: FUTURE_ISO })],
    ['AccessKeyId missing', file({ ...good, AccessKeyId: undefined, Expiration: FUTURE_ISO })],
    ['AccessKeyId a number', file({ ...good, AccessKeyId: 1, Expiration: FUTURE_ISO })],
  ];
}
