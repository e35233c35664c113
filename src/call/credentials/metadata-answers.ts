// How botocore's metadata fetchers read what the container credentials endpoint and instance
// metadata answer: the text (strict UTF-8 for the container, the Content-Type's charset for
// IMDS), json.loads, and the credential fields taken with Python's operators, so an answer of
// the wrong shape fails (or is skipped) exactly where botocore fails or skips it.
import { decoderFor, PyCodecError, UndecodableText } from '../../input/text-encoding';
import { decodeUtf8 } from '../../util/pycodecs';
import { isValueError, PyError } from '../../util/pyerror';
import { pyContains, pyGet, pyItem, pyJsonLoads } from '../../util/pyops';
import { pyTypeShort } from '../../util/python';
import type { RawResponse } from '../response';
import type { CredentialMetadata } from './shape';

// ---- the container endpoint (ContainerMetadataFetcher, ContainerProvider) ----

/** One answer of the container endpoint: its JSON, or the reason botocore retries. */
export type ContainerReading = { readonly json: unknown } | { readonly retry: string };

export function readContainerAnswer(response: RawResponse): ContainerReading {
  // the body is decoded before the status is looked at; undecodable bytes are not retried
  const text = decodeUtf8(response.body);
  if (response.statusCode !== 200) return { retry: `Received non 200 response ${response.statusCode} from container metadata: ${text}` };
  try {
    return { json: pyJsonLoads(text) };
  } catch (error) {
    if (isValueError(error)) return { retry: 'Unable to parse JSON returned from container metadata services' };
    throw error;
  }
}

/** The provider's fetch_creds: the four fields by subscript, AccountId with .get(). */
export function containerMetadata(answer: unknown): CredentialMetadata {
  const metadata = {
    accessKey: pyItem(answer, 'AccessKeyId'),
    secretKey: pyItem(answer, 'SecretAccessKey'),
    token: pyItem(answer, 'Token'),
    expiryTime: pyItem(answer, 'Expiration'),
  };
  pyGet(answer, 'AccountId');
  return metadata;
}

// ---- instance metadata (IMDSFetcher, InstanceMetadataFetcher) ----

/** AWSResponse.text: the Content-Type's charset, latin-1 for other text/* types, else UTF-8. */
export function responseText(response: RawResponse): string {
  const contentType = response.headers['content-type'];
  const charset = contentType === undefined ? undefined : charsetOf(contentType);
  const encoding = charset ?? (contentType !== undefined && contentType.includes('text') ? 'ISO-8859-1' : 'utf-8');
  if (/^utf-?8$/i.test(encoding)) return decodeUtf8(response.body);
  try {
    return decoderFor(encoding)(response.body);
  } catch (error) {
    if (error instanceof PyCodecError) throw new PyError('LookupError', error.message);
    if (error instanceof UndecodableText) throw new PyError('UnicodeDecodeError', `'${encoding}' codec can't decode the answer`);
    throw error;
  }
}

/** The charset parameter as email.message reads it (quotes removed). */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  if (!match) return undefined;
  return match[2] ?? match[1];
}

/** _is_invalid_json: decoding or parsing fails with a ValueError. */
export function isInvalidJson(response: RawResponse): boolean {
  try {
    pyJsonLoads(responseText(response));
    return false;
  } catch (error) {
    if (isValueError(error)) return true;
    throw error;
  }
}

const REQUIRED = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'];

/** The role's answer as credentials, or undefined where botocore finds none (a missing field, an error document). */
export function imdsMetadata(answer: unknown, random: () => number = Math.random, nowMs = Date.now()): CredentialMetadata | undefined {
  for (const field of REQUIRED) if (!pyContains(answer, field)) return undefined;
  const expiry = pyItem(answer, 'Expiration');
  const metadata = {
    accessKey: pyItem(answer, 'AccessKeyId'),
    secretKey: pyItem(answer, 'SecretAccessKey'),
    token: pyItem(answer, 'Token'),
    expiryTime: expiry,
  };
  return { ...metadata, expiryTime: extendedExpiry(expiry, random, nowMs) };
}

/**
 * _evaluate_expiration: an expiry (in IMDS's own format) less than the refresh window plus 2 to
 * 10 minutes of jitter away is moved to now plus that much, so that an outage of the service
 * does not strand the instance. Another format is left alone; a non-string is a TypeError.
 */
function extendedExpiry(expiry: unknown, random: () => number, nowMs: number): unknown {
  if (expiry === null) return expiry;
  if (typeof expiry !== 'string') throw new PyError('TypeError', `strptime() argument 1 must be str, not ${pyTypeShort(expiry)}`);
  const expiresMs = strptimeImds(expiry);
  if (expiresMs === undefined) return expiry;
  const offsetS = 600 + 120 + Math.floor(random() * 481);
  if (nowMs < expiresMs - offsetS * 1000) return expiry;
  return `${new Date(Math.floor(nowMs / 1000) * 1000 + offsetS * 1000).toISOString().slice(0, 19)}Z`;
}

/** datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ") as UTC milliseconds, undefined on its ValueError. */
function strptimeImds(value: string): number | undefined {
  const m = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])T(2[0-3]|[0-1]\d|\d):([0-5]\d|\d):(6[0-1]|[0-5]\d|\d)Z$/i.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part.trim())) as [number, number, number, number, number, number];
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leapFeb = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (day > (month === 2 ? (leapFeb ? 29 : 28) : last) || second > 59 || year < 1) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}
