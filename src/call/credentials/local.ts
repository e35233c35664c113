// Credential sources that need no network: environment variables, the shared credentials
// file, the config file, the old EC2 tools' AWS_CREDENTIAL_FILE and boto's config (and
// credential_process, in credential-process.ts). Each returns undefined when it does not apply, as
// botocore's providers do. Expiring credentials load refreshable.ts (and dateutil) only then.
import { homedir } from '../../util/builtins';
import { readFileSync } from 'node:fs';
import { GeneralError } from '../../runtime/errors';
import type { Profile, Session } from '../../config/session';
import { expandUser } from '../../util/paths';
import { pyStr } from '../../util/python';
import { pythonErrorsSync, staticMetadataSource, type CredentialMetadata } from './shape';
import { PartialCredentialsError, staticSource, type ChainContext, type CredentialSource } from './types';

/** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SECURITY_TOKEN / AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION. */
export async function fromEnvironment(env: NodeJS.ProcessEnv): Promise<CredentialSource | undefined> {
  if (!env.AWS_ACCESS_KEY_ID) return undefined;
  const read = (requireExpiry: boolean): CredentialMetadata => {
    if (!env.AWS_ACCESS_KEY_ID) throw new PartialCredentialsError('env', 'AWS_ACCESS_KEY_ID');
    if (!env.AWS_SECRET_ACCESS_KEY) throw new PartialCredentialsError('env', 'AWS_SECRET_ACCESS_KEY');
    const expiry = env.AWS_CREDENTIAL_EXPIRATION || null;
    if (requireExpiry && !expiry) throw new PartialCredentialsError('env', 'AWS_CREDENTIAL_EXPIRATION');
    return {
      accessKey: env.AWS_ACCESS_KEY_ID,
      secretKey: env.AWS_SECRET_ACCESS_KEY,
      token: env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || null,
      expiryTime: expiry,
    };
  };
  const first = read(false);
  if (first.expiryTime === null) return staticMetadataSource('env', first);
  // re-reading the environment cannot make expired credentials fresh
  const { RefreshableCredentials } = await import('./refreshable');
  return pythonErrorsSync(() => new RefreshableCredentials('env', async () => read(true), first));
}

function staticKeys(method: string, section: Profile | undefined): CredentialSource | undefined {
  if (!section?.has('aws_access_key_id')) return undefined;
  const text = (key: string) => {
    const value = section.get(key);
    return typeof value === 'string' ? value : value === undefined ? undefined : pyStr(value);
  };
  const secret = text('aws_secret_access_key');
  if (secret === undefined) throw new PartialCredentialsError(method, 'aws_secret_access_key');
  return staticMetadataSource(method, {
    accessKey: text('aws_access_key_id')!,
    secretKey: secret,
    token: text('aws_security_token') ?? text('aws_session_token') ?? null,
  });
}

/** `[name]` of the shared credentials file. */
export function fromSharedCredentialsFile(ctx: ChainContext, profileName: string): CredentialSource | undefined {
  return staticKeys('shared-credentials-file', ctx.session.credentialsFileSections()?.get(profileName));
}

/** The profile's keys in the config file only. */
export function fromConfigFile(ctx: ChainContext, profileName: string): CredentialSource | undefined {
  return staticKeys('config-file', ctx.session.configFileProfiles().get(profileName));
}

/** AWS_CREDENTIAL_FILE of the original EC2 command-line tools (`AWSAccessKeyId=…`). */
export function fromEc2CredentialsFile(env: NodeJS.ProcessEnv): CredentialSource | undefined {
  const file = env.AWS_CREDENTIAL_FILE;
  if (file === undefined) return undefined;
  const path = expandUser(file, env, homedir);
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch {
    throw new GeneralError(`The specified config file (${path}) could not be found.`);
  }
  const values = new Map<string, string>();
  for (const line of contents.split(/\r\n|\r|\n/)) {
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  if (!values.has('AWSAccessKeyId')) return undefined;
  if (!values.has('AWSSecretKey')) throw new GeneralError("'AWSSecretKey'");
  return staticSource('ec2-credentials-file', { accessKeyId: values.get('AWSAccessKeyId')!, secretAccessKey: values.get('AWSSecretKey')! });
}

/** boto 2's config: BOTO_CONFIG, or /etc/boto.cfg and ~/.boto, section [Credentials]. */
export function fromBotoConfig(session: Session): CredentialSource | undefined {
  const env = session.env;
  const files = env.BOTO_CONFIG !== undefined ? [env.BOTO_CONFIG] : ['/etc/boto.cfg', '~/.boto'];
  for (const file of files) {
    const sections = session.rawConfigParse(file);
    if (!sections) continue;
    const credentials = sections.get('Credentials');
    if (credentials?.has('aws_access_key_id')) return staticKeys('boto-config', credentials);
  }
  return undefined;
}
