// What botocore's ProcessProvider takes from a credential_process's JSON: the version (must
// equal 1 — True and 1.0 do), the two keys by subscript, the rest with .get(); an answer of
// another type fails on .get() with Python's AttributeError.
import { PyError } from '../../util/pyerror';
import { pyGet, pyItem } from '../../util/pyops';
import { PyNumber, pyStr } from '../../util/python';
import type { CredentialMetadata } from './shape';
import { CredentialRetrievalError } from './types';

const PROVIDER = 'custom-process';

/** Python's `value != 1` is false for 1, 1.0 and True. */
function equalsOne(value: unknown): boolean {
  return value === true || value === 1 || (value instanceof PyNumber && value.value === 1);
}

export function processMetadata(parsed: unknown): CredentialMetadata {
  const version = pyGet(parsed, 'Version', '<Version key not provided>');
  if (!equalsOne(version)) {
    throw new CredentialRetrievalError(PROVIDER, `Unsupported version '${pyStr(version)}' for credential process provider, supported versions: 1`);
  }
  try {
    const metadata = {
      accessKey: pyItem(parsed, 'AccessKeyId'),
      secretKey: pyItem(parsed, 'SecretAccessKey'),
      token: pyGet(parsed, 'SessionToken'),
      expiryTime: pyGet(parsed, 'Expiration'),
    };
    pyGet(parsed, 'AccountId');
    return metadata;
  } catch (error) {
    if (error instanceof PyError && error.pyType === 'KeyError') {
      throw new CredentialRetrievalError(PROVIDER, `Missing required key in response: ${error.message}`);
    }
    throw error;
  }
}
