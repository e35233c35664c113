// Shared shapes of the credential chain and the botocore errors its providers raise.
import { GeneralError } from '../../runtime/errors';
import type { Session } from '../../config/session';
import type { RetrySettings } from '../../config/client-settings';
import type { DebugLog } from '../debug';
import type { TransportOptions } from '../transport';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/**
 * Found credentials. Like botocore's DeferredRefreshableCredentials, some sources (assume role,
 * web identity, SSO) only call their service when the request is signed, after parameter
 * validation; `resolve` does that work.
 */
export interface CredentialSource {
  /** botocore's METHOD name (env, shared-credentials-file, assume-role, …), shown in --debug. */
  readonly method: string;
  resolve(): Promise<Credentials>;
}

export interface ChainContext {
  readonly session: Session;
  /** The region clients for STS and SSO inherit (the region of the EC2 client). */
  readonly region: string | undefined;
  /** Transport settings for credential services (no --ca-bundle/--no-verify-ssl: those are EC2's only). */
  readonly transport: TransportOptions;
  readonly retry: () => RetrySettings;
  readonly log?: DebugLog;
  /** Reads a line from the terminal without echo (the MFA prompt). */
  readonly prompt: (question: string) => Promise<string>;
}

/** botocore's CredentialRetrievalError. */
export class CredentialRetrievalError extends GeneralError {
  constructor(provider: string, detail: string) {
    super(`Error when retrieving credentials from ${provider}: ${detail}`);
  }
}

/** botocore's PartialCredentialsError. */
export class PartialCredentialsError extends GeneralError {
  constructor(provider: string, missing: string) {
    super(`Partial credentials found in ${provider}, missing: ${missing}`);
  }
}

/** botocore's InvalidConfigError (its message is the whole text). */
export class InvalidConfigError extends GeneralError {}

export function staticSource(method: string, credentials: Credentials): CredentialSource {
  return { method, resolve: async () => credentials };
}
