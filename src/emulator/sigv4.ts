// AWS Signature Version 4, header form: the canonical request, the string to sign and the
// derived signing key, used both to verify what clients send and to sign the emulator's own
// helper requests. Verification answers with the error EC2 gives for each kind of failure.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  authFailure,
  incompleteSignature,
  missingAuthentication,
  requestExpired,
  signatureDoesNotMatch,
} from './errors';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** How far a request's X-Amz-Date may be from the emulator's clock (AWS allows 15 minutes). */
export const ALLOWED_SKEW_MS = 15 * 60 * 1000;

export interface SignableRequest {
  readonly method: string;
  /** The request target exactly as sent: path and query string. */
  readonly target: string;
  /** Header name/value pairs as received (Node's rawHeaders, paired). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

export interface KeyPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface VerifiedRequest {
  readonly accessKeyId: string;
  /** The Region of the credential scope: the Region the client meant to call. */
  readonly region: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it (only unreserved characters stay literal). */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes a query component leniently: a malformed escape stays as it was. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function canonicalPath(rawPath: string): string {
  // non-S3 services normalise the path and encode each segment of the path as sent once more
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `/${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return uriEncode(normalized).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [uriEncode(decodeComponent(name)), uriEncode(decodeComponent(value))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function headerValues(headers: SignableRequest['headers'], name: string): string[] {
  return headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v.trim().replace(/\s+/g, ' '));
}

function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[], payloadHash: string): string {
  const queryStart = request.target.indexOf('?');
  const rawPath = queryStart < 0 ? request.target : request.target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.target.slice(queryStart + 1);
  const headerLines = signedHeaders.map((name) => `${name}:${headerValues(request.headers, name).join(',')}\n`).join('');
  return [request.method, canonicalPath(rawPath), canonicalQuery(rawQuery), headerLines, signedHeaders.join(';'), payloadHash].join('\n');
}

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

function signature(request: SignableRequest, key: KeyPair, amzDate: string, scope: string, signedHeaders: readonly string[]): string {
  const payloadHash = headerValues(request.headers, 'x-amz-content-sha256')[0] ?? sha256Hex(request.body);
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest(request, signedHeaders, payloadHash))].join('\n');
  const [date, region, service] = scope.split('/');
  return createHmac('sha256', signingKey(key.secretAccessKey, date!, region!, service!)).update(stringToSign).digest('hex');
}

/** `20240131T120000Z` → epoch ms, or NaN. */
function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Date.parse(text);
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Checks the request's SigV4 Authorization header against the known key pairs and returns who
 * signed it and for which Region; throws the EC2 error otherwise.
 */
export function verifyRequest(
  request: SignableRequest,
  lookupKey: (accessKeyId: string) => KeyPair | undefined,
  service: string,
  now: number,
): VerifiedRequest {
  const header = headerValues(request.headers, 'authorization')[0];
  if (header === undefined || header === '') throw missingAuthentication();

  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) throw incompleteSignature([`Unsupported authorization type: ${algorithm}.`], header);
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDateText = headerValues(request.headers, 'x-amz-date')[0] ?? headerValues(request.headers, 'date')[0];
  const problems: string[] = [];
  for (const required of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!fields.get(required)) problems.push(`Authorization header requires '${required}' parameter.`);
  }
  if (amzDateText === undefined) problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (problems.length > 0) throw incompleteSignature(problems, header);

  const credential = fields.get('Credential')!.split('/');
  if (credential.length !== 5) throw incompleteSignature([`Authorization header has an invalid 'Credential' parameter.`], header);
  const [accessKeyId, scopeDate, region, scopeService, terminator] = credential as [string, string, string, string, string];
  const key = lookupKey(accessKeyId);
  if (!key) throw authFailure();
  const signedAt = parseAmzDate(amzDateText!);
  if (Number.isNaN(signedAt)) throw incompleteSignature([`Date must be in ISO-8601 'basic format'.`], header);
  const amzDate = /^\d{8}T\d{6}Z$/.test(amzDateText!) ? amzDateText! : formatAmzDate(signedAt);
  if (scopeService !== service || terminator !== 'aws4_request' || scopeDate !== amzDate.slice(0, 8) || !/^[a-z0-9-]+$/.test(region)) {
    throw authFailure();
  }
  if (Math.abs(now - signedAt) > ALLOWED_SKEW_MS) throw requestExpired();

  const signedHeaders = fields.get('SignedHeaders')!.split(';').map((h) => h.trim().toLowerCase());
  const expected = Buffer.from(signature(request, key, amzDate, credential.slice(1).join('/'), signedHeaders));
  const given = Buffer.from(fields.get('Signature')!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw signatureDoesNotMatch();
  return { accessKeyId, region };
}

export interface SignOptions {
  readonly key: KeyPair;
  readonly region: string;
  readonly service: string;
  readonly now?: number;
}

/** Adds X-Amz-Date and Authorization headers (signing every header given plus host). */
export function signRequest(
  request: { method: string; target: string; headers: Record<string, string>; body: Buffer },
  options: SignOptions,
): Record<string, string> {
  const amzDate = formatAmzDate(options.now ?? Date.now());
  const headers: Record<string, string> = { ...request.headers, 'x-amz-date': amzDate };
  const pairs = Object.entries(headers).map(([n, v]) => [n.toLowerCase(), v] as const);
  const signedHeaders = [...new Set(pairs.map(([n]) => n))].sort();
  const scope = `${amzDate.slice(0, 8)}/${options.region}/${options.service}/aws4_request`;
  const sig = signature({ method: request.method, target: request.target, headers: pairs, body: request.body }, options.key, amzDate, scope, signedHeaders);
  headers.authorization = `${ALGORITHM} Credential=${options.key.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;
  return headers;
}
