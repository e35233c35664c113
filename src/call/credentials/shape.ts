// What botocore does with the values a credential source hands it, whatever their shape: the
// SigV4 signer is where a key of the wrong type fails. Sources keep the values as they arrived
// (any JSON value) until the request is signed; Python's exceptions (PyError) become the CLI's
// errors at this boundary. Credentials with an expiry: refreshable.ts.
import { GeneralError } from '../../runtime/errors';
import { PyError } from '../../util/pyerror';
import { pyTruthy } from '../../util/pyops';
import { pyTypeShort } from '../../util/python';
import type { Credentials, CredentialSource } from './types';

/** Credential values as a source returned them: any JSON value each; `expiryTime` undefined means none. */
export interface CredentialMetadata {
  readonly accessKey: unknown;
  readonly secretKey: unknown;
  readonly token: unknown;
  readonly expiryTime?: unknown;
}

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

/**
 * The SigV4 signer's use of the values, in its order: the session token goes through
 * str.split (when truthy), the secret is concatenated to "AWS4", the access key joined into the
 * credential scope. Anything but text fails there with Python's message.
 */
export function signingCredentials(metadata: CredentialMetadata): Credentials {
  const { accessKey, secretKey, token } = metadata;
  const hasToken = pyTruthy(token);
  if (hasToken && typeof token !== 'string') throw new PyError('AttributeError', `'${pyTypeShort(token)}' object has no attribute 'split'`);
  if (typeof secretKey !== 'string') throw new PyError('TypeError', `can only concatenate str (not "${pyTypeShort(secretKey)}") to str`);
  if (typeof accessKey !== 'string') throw new PyError('TypeError', `sequence item 0: expected str instance, ${pyTypeShort(accessKey)} found`);
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
