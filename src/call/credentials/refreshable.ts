// botocore's RefreshableCredentials: the expiry read with dateutil, a refresh when under 15
// minutes remain, "still expired" after one. Loaded only by sources whose credentials expire
// (dateutil's parser is large).
import { GeneralError } from '../../runtime/errors';
import { dateutilParse, epochMs, type PyDateTime } from '../../util/dateutil';
import { PyError } from '../../util/pyerror';
import { pythonErrors, signingCredentials, type CredentialMetadata } from './shape';
import { CredentialRetrievalError, type Credentials, type CredentialSource } from './types';

export const STILL_EXPIRED = 'Credentials were refreshed, but the refreshed credentials are still expired.';
const ADVISORY_REFRESH_S = 15 * 60;
const MANDATORY_REFRESH_S = 10 * 60;

/** dateutil's reading of an expiry (botocore's `parse`). */
export function parseExpiry(value: unknown): PyDateTime {
  return dateutilParse(value);
}

/** total_seconds(expiry - now): Python refuses to subtract a naive datetime from an aware one. */
export function secondsRemaining(expiry: PyDateTime, nowMs = Date.now()): number {
  if (expiry.offset === undefined) throw new PyError('TypeError', "can't subtract offset-naive and offset-aware datetimes");
  return (epochMs(expiry) - nowMs) / 1000;
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
