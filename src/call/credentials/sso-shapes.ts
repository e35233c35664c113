// What botocore makes of the IAM Identity Center answers and files, whatever their shape: the
// token cache file (JSONFileCache + SSOTokenLoader), the portal's GetRoleCredentials answer
// and SSO-OIDC's CreateToken answer (the REST-JSON parser: structures read with .get(), nulls
// skipped, longs and integers through int()), and the expiration in milliseconds turned into
// a UTC timestamp. Wrong shapes end in Python's exceptions (PyError).
import { ParamValidationError } from '../../runtime/errors';
import { parsePyInt } from '../../util/pyint';
import { decodeUtf8 } from '../../util/pycodecs';
import { isValueError, PyError } from '../../util/pyerror';
import { PyDict } from '../../util/pyjson';
import { pyContains, pyGet, pyItem, pyJsonLoads } from '../../util/pyops';
import { PyNumber, pyReprString, pyRound, pyStr, pyTypeName } from '../../util/python';
import type { CredentialMetadata } from './shape';
import { readCacheEntry } from './cached-fetcher';

// ---- the token cache (~/.aws/sso/cache/<sha1>.json) ----

/**
 * SSOTokenLoader: the cached token, or Python's errors — a missing file "does not exist", a
 * file that does not load (not JSON, not UTF-8) is the KeyError of its cache key, a token
 * without both keys "is invalid".
 */
export function loadCachedToken(dir: string, key: string, names: { readonly missing: string; readonly startUrl: string }, fail: (detail: string) => Error): unknown {
  const token = readCacheEntry(dir, key);
  if (token === undefined) throw fail(`Token for ${names.missing} does not exist`);
  if (!pyContains(token, 'accessToken') || !pyContains(token, 'expiresAt')) throw fail(`Token for ${names.startUrl} is invalid`);
  return token;
}

/** botocore validates an operation's parameters: the SSO calls take text only. */
export function requireText(operationParams: ReadonlyArray<readonly [string, unknown]>): void {
  const problems = operationParams
    .filter(([, value]) => typeof value !== 'string')
    .map(([name, value]) => `Invalid type for parameter ${name}, value: ${pyStr(value)}, type: ${pyTypeName(value)}, valid types: <class 'str'>`);
  if (problems.length) throw new ParamValidationError(`Parameter validation failed:\n${problems.join('\n')}`);
}

// ---- the REST-JSON parser ----

/** _parse_body_as_json: an empty body is {}, text that is not JSON becomes {'message': text}. */
export function restJsonBody(body: Uint8Array): unknown {
  if (body.length === 0) return new PyDict();
  const text = decodeUtf8(body);
  try {
    return pyJsonLoads(text);
  } catch (error) {
    if (!isValueError(error)) throw error;
    const dict = new PyDict();
    dict.entries.set('message', text);
    return dict;
  }
}

type MemberParser = (value: unknown) => unknown;
const asIs: MemberParser = (value) => value;

/** _handle_structure: None stays None, members are read with .get() and nulls left out. */
function structure(value: unknown, members: Readonly<Record<string, MemberParser>>): PyDict | null {
  if (value === null) return null;
  const parsed = new PyDict();
  for (const [name, parse] of Object.entries(members)) {
    const raw = pyGet(value, name);
    if (raw !== null) parsed.entries.set(name, parse(raw));
  }
  return parsed;
}

/** The parsed output is merged into a dict: an output of None cannot be. */
function output(value: unknown, members: Readonly<Record<string, MemberParser>>): PyDict {
  const parsed = structure(value, members);
  if (parsed === null) throw new PyError('TypeError', "'NoneType' object is not iterable");
  return parsed;
}

/** int(value) of a JSON value (the parser's integer and long handler). */
export function pyIntOf(value: unknown): bigint {
  if (value === true || value === false) return value ? 1n : 0n;
  if (value instanceof PyNumber) {
    if (value.kind === 'int') return BigInt(value.digits ?? Math.trunc(value.value));
    if (Number.isNaN(value.value)) throw new PyError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value.value)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(value.value));
  }
  if (typeof value === 'string') {
    const parsed = parsePyInt(value);
    if (parsed === undefined) throw new PyError('ValueError', `invalid literal for int() with base 10: ${pyReprString(value)}`);
    return parsed;
  }
  throw new PyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${value === null ? 'NoneType' : Array.isArray(value) ? 'list' : 'dict'}'`);
}

const ROLE_CREDENTIALS: Record<string, MemberParser> = { accessKeyId: asIs, secretAccessKey: asIs, sessionToken: asIs, expiration: pyIntOf };

/** SSOCredentialFetcher._get_credentials on a GetRoleCredentials answer: the four values, the expiry as text. */
export function roleCredentialsMetadata(body: Uint8Array): CredentialMetadata {
  const parsed = output(restJsonBody(body), { roleCredentials: (value) => structure(value, ROLE_CREDENTIALS) });
  const role = pyItem(parsed, 'roleCredentials');
  return {
    accessKey: pyItem(role, 'accessKeyId'),
    secretKey: pyItem(role, 'secretAccessKey'),
    token: pyItem(role, 'sessionToken'),
    expiryTime: utcTimestampOfMs(pyItem(role, 'expiration') as bigint),
  };
}

/** SSO-OIDC's CreateToken answer as the token provider reads it. */
export interface CreatedToken {
  readonly accessToken: unknown;
  readonly expiresInSeconds: bigint;
  readonly refreshToken?: unknown;
}

export function createTokenAnswer(body: Uint8Array): CreatedToken {
  const parsed = output(restJsonBody(body), { accessToken: asIs, tokenType: asIs, expiresIn: pyIntOf, refreshToken: asIs, idToken: asIs });
  const expiresIn = pyItem(parsed, 'expiresIn') as bigint;
  return {
    expiresInSeconds: expiresIn,
    accessToken: pyItem(parsed, 'accessToken'),
    ...(parsed.entries.has('refreshToken') ? { refreshToken: parsed.entries.get('refreshToken') } : {}),
  };
}

// ---- datetime.fromtimestamp(ms / 1000.0, tzutc()).strftime('%Y-%m-%dT%H:%M:%SZ') ----

const TIME_T_LIMIT = 2 ** 63;
/** glibc's gmtime keeps tm_year in an int: years outside these fail with EOVERFLOW. */
const GMTIME_YEARS = [-2147481748n, 2147485547n] as const;

export function utcTimestampOfMs(ms: bigint): string {
  const asFloat = Number(ms);
  if (!Number.isFinite(asFloat)) throw new PyError('OverflowError', 'int too large to convert to float');
  const seconds = asFloat / 1000;
  if (!(seconds >= -TIME_T_LIMIT && seconds < TIME_T_LIMIT)) throw new PyError('OverflowError', 'timestamp out of range for platform time_t');
  // microseconds rounded half to even, which can carry into the next second
  let whole = Math.floor(seconds);
  const micro = pyRound((seconds - whole) * 1e6);
  if (micro >= 1e6) whole += 1;
  const days = BigInt(Math.floor(whole / 86400));
  const secondOfDay = whole - Number(days) * 86400;
  const [year, month, day] = civilFromDays(days);
  if (year < GMTIME_YEARS[0] || year > GMTIME_YEARS[1]) throw new PyError('OSError', '[Errno 75] Value too large for defined data type');
  if (year < 1n || year > 9999n) throw new PyError('ValueError', `year ${year} is out of range`);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor(secondOfDay / 60) % 60)}:${two(secondOfDay % 60)}`;
  return `${year}-${two(month)}-${two(day)}T${time}Z`;
}

/** Days since 1970-01-01 to a proleptic Gregorian date (year, month, day). */
function civilFromDays(days: bigint): [bigint, number, number] {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = yoe + era * 400n + (month <= 2 ? 1n : 0n);
  return [year, month, day];
}

// ---- errors (RestJSONParser._do_error_parse) ----

/** Python's http.client.responses for the statuses of generic error pages. */
const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  510: 'Not Extended', 511: 'Network Authentication Required',
};

/** The Code and Message of a REST-JSON error answer. */
export function restJsonError(statusCode: number, headers: Readonly<Record<string, string>>, body: Uint8Array): { code: unknown; message: unknown } {
  const trimmed = Buffer.from(body).toString('latin1').trim();
  if (statusCode >= 500 && (trimmed === '' || trimmed.startsWith('<html>'))) return { code: String(statusCode), message: REASONS[statusCode] ?? '' };
  const parsed = restJsonBody(body);
  const message = pyGet(parsed, 'message', pyGet(parsed, 'Message', ''));
  let code: unknown = pyGet(parsed, '__type', String(statusCode));
  if (typeof code === 'string') code = code.split(':')[0]!.split('#').pop()!;
  const header = headers['x-amzn-errortype'];
  if (header !== undefined) code = header;
  else if (pyContains(parsed, 'code') || pyContains(parsed, 'Code')) code = pyGet(parsed, 'code', pyGet(parsed, 'Code', ''));
  if (typeof code === 'string') code = code.split(':')[0]!.split('#').pop()!;
  return { code, message };
}
