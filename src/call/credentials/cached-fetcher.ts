// botocore's CachedCredentialFetcher, shared by assume role, web identity and SSO: a response
// cached in ~/.aws/cli/cache is used while more than 15 minutes remain, and the credentials are
// taken from a response (fresh or cached) with subscripts, Expiration first. A cache file that
// does not load, or holds another shape, fails with Python's error as it does in the CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8 } from '../../util/pycodecs';
import { isFile } from '../../util/paths';
import { isValueError, PyError } from '../../util/pyerror';
import { pyItem, pyJsonLoads } from '../../util/pyops';
import { pyReprString } from '../../util/python';
import { isoformat, type PyDateTime } from '../../util/dateutil';
import type { CredentialMetadata } from './shape';
import { parseExpiry, secondsRemaining } from './refreshable';

const EXPIRY_WINDOW_S = 15 * 60;

/** _load_from_cache: the cached response, or undefined when there is none or it expires within the window. */
export function cachedResponse(dir: string, key: string): unknown {
  const response = readCacheEntry(dir, key);
  if (response === undefined) return undefined;
  const expiry = parseExpiry(pyItem(pyItem(response, 'Credentials'), 'Expiration'));
  return secondsRemaining(expiry) < EXPIRY_WINDOW_S ? undefined : response;
}

/** _get_cached_credentials: Credentials, its Expiration (as ISO text when a datetime), then the three keys. */
export function credentialsOf(response: unknown): CredentialMetadata {
  const credentials = pyItem(response, 'Credentials');
  const expiration = pyItem(credentials, 'Expiration');
  const expiryTime = isDateTime(expiration) ? isoformat(expiration) : expiration;
  return {
    accessKey: pyItem(credentials, 'AccessKeyId'),
    secretKey: pyItem(credentials, 'SecretAccessKey'),
    token: pyItem(credentials, 'SessionToken'),
    expiryTime,
  };
}

function isDateTime(value: unknown): value is PyDateTime {
  return typeof value === 'object' && value !== null && 'year' in value && 'microsecond' in value;
}

/**
 * botocore's JSONFileCache: the JSON value under `key` in `dir`, or undefined when there is no such
 * file; a file it cannot read or decode is a KeyError of the key.
 */
export function readCacheEntry(dir: string, key: string): unknown {
  const path = join(dir, `${key}.json`);
  if (!isFile(path)) return undefined;
  try {
    return pyJsonLoads(decodeUtf8(readFileSync(path)));
  } catch (error) {
    if (isValueError(error) || (error as NodeJS.ErrnoException).code !== undefined) throw new PyError('KeyError', pyReprString(key));
    throw error;
  }
}
