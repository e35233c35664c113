// What botocore does with the values a credential source hands it, whatever their shape:
// RefreshableCredentials (the expiry read with dateutil, a refresh when under 15 minutes remain,
// "still expired" after one) and the SigV4 signer, which is where a key of the wrong type
// fails. Sources keep the values as they arrived (any JSON value) until the request is signed;
// Python's exceptions (PyError) become the CLI's errors at this boundary.
import { GeneralError } from '../../runtime/errors';
import { dateutilParse, epochMs, type PyDateTime } from '../../util/dateutil';
import { PyError } from '../../util/pyerror';
import { pyClassName, pyTruthy } from '../../util/pyops';
import { CredentialRetrievalError, type Credentials, type CredentialSource } from './types';

/** Credential values as a source returned them: any JSON value each; `expiryTime` undefined means none. */
export interface CredentialMetadata {
  readonly accessKey: unknown;
  readonly secretKey: unknown;
  readonly token: unknown;
  readonly expiryTime?: unknown;
}

export const STILL_EXPIRED = 'Credentials were refreshed, but the refreshed credentials are still expired.';
const ADVISORY_REFRESH_S = 15 * 60;
const MANDATORY_REFRESH_S = 10 * 60;

/** Runs `work`, turning a Python exception into the error the CLI prints (str(exception), exit 255). */
export async function pythonErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PyError) throw new GeneralError(error.message);
    throw error;
  }
}

/** pythonErrors for work that does not wait. */
export function pythonErrorsSync<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PyError) throw new GeneralError(error.message);
    throw error;
  }
}

/** dateutil's reading of an expiry (botocore's `parse`). */
export function parseExpiry(value: unknown): PyDateTime {
  return dateutilParse(value);
}

/** total_seconds(expiry - now): Python refuses to subtract a naive datetime from an aware one. */
export function secondsRemaining(expiry: PyDateTime, nowMs = Date.now()): number {
  if (expiry.offset === undefined) throw new PyError('TypeError', "can't subtract offset-naive and offset-aware datetimes");
  return (epochMs(expiry) - nowMs) / 1000;
}

/**
 * The SigV4 signer's use of the values, in its order: the session token goes through
 * str.split (when truthy), the secret is concatenated to "AWS4", the access key joined into the
 * credential scope. Anything but text fails there with Python's message.
 */
export function signingCredentials(metadata: CredentialMetadata): Credentials {
  const { accessKey, secretKey, token } = metadata;
  const hasToken = pyTruthy(token);
  if (hasToken && typeof token !== 'string') throw new PyError('AttributeError', `'${pyClassName(token)}' object has no attribute 'split'`);
  if (typeof secretKey !== 'string') throw new PyError('TypeError', `can only concatenate str (not "${pyClassName(secretKey)}") to str`);
  if (typeof accessKey !== 'string') throw new PyError('TypeError', `sequence item 0: expected str instance, ${pyClassName(accessKey)} found`);
  return {
    accessKeyId: accessKey,
    secretAccessKey: secretKey,
    ...(hasToken ? { sessionToken: token as string } : {}),
  };
}

/** Credentials without an expiry (botocore's Credentials): checked only when signing. */
export function staticMetadataSource(method: string, metadata: CredentialMetadata, remember?: (c: Credentials) => void): CredentialSource {
  return {
    method,
    resolve: () =>
      pythonErrors(() => {
        const credentials = signingCredentials(metadata);
        remember?.(credentials);
        return credentials;
      }),
  };
}

interface Loaded {
  readonly metadata: CredentialMetadata;
  readonly expiry: PyDateTime;
}

/**
 * botocore's RefreshableCredentials (with `initial`) or DeferredRefreshableCredentials (without:
 * the first use fetches). `refresh` fetches the metadata again; undefined is an empty answer.
 */
export class RefreshableCredentials implements CredentialSource {
  private loaded?: Loaded;

  constructor(
    readonly method: string,
    private readonly refresh: () => Promise<CredentialMetadata | undefined>,
    initial?: CredentialMetadata,
    private readonly remember?: (credentials: Credentials) => void,
  ) {
    // the first values are read (and their expiry parsed) when the source is made
    if (initial) this.loaded = this.load(initial);
  }

  resolve(): Promise<Credentials> {
    return pythonErrors(async () => {
      await this.refreshIfNeeded();
      const credentials = signingCredentials(this.loaded!.metadata);
      this.remember?.(credentials);
      return credentials;
    });
  }

  private load(metadata: CredentialMetadata): Loaded {
    return { metadata, expiry: parseExpiry(metadata.expiryTime) };
  }

  private async refreshIfNeeded(): Promise<void> {
    let mandatory = true;
    if (this.loaded) {
      const remaining = secondsRemaining(this.loaded.expiry);
      if (remaining >= ADVISORY_REFRESH_S) return;
      mandatory = remaining < MANDATORY_REFRESH_S;
    }
    let fresh: CredentialMetadata | undefined;
    try {
      fresh = await this.refresh();
    } catch (error) {
      // an advisory refresh that fails keeps the current credentials
      if (mandatory || !this.loaded) throw error;
      return;
    }
    if (!fresh) {
      throw new CredentialRetrievalError(this.method, 'Credential refresh failed, response did not contain: access_key, secret_key, token, expiry_time');
    }
    this.loaded = { metadata: fresh, expiry: parseExpiry(fresh.expiryTime) };
    if (secondsRemaining(this.loaded.expiry) < 0) throw new GeneralError(STILL_EXPIRED);
  }
}
