// Credential sources that need no network: environment variables, the shared credentials
// file, the config file, credential_process, the old EC2 tools' AWS_CREDENTIAL_FILE and boto's
// config. Each returns undefined when it does not apply, as botocore's providers do.
import { readFileSync } from 'node:fs';
import { GeneralError } from '../../runtime/errors';
import { homedir } from 'node:os';
import type { Profile, Session } from '../../config/session';
import { expandUser } from '../../util/paths';
import { shlexSplit } from '../../util/shlex';
import { pyStr } from '../../util/python';
import { decodeUtf8 } from '../../util/pycodecs';
import { pyJsonLoads } from '../../util/pyops';
import { processMetadata } from './process-output';
import { pythonErrorsSync, RefreshableCredentials, staticMetadataSource, type CredentialMetadata } from './shape';
import { childProcess } from '../../util/builtins';
import { CredentialRetrievalError, PartialCredentialsError, staticSource, type ChainContext, type CredentialSource } from './types';

/** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SECURITY_TOKEN / AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION. */
export function fromEnvironment(env: NodeJS.ProcessEnv): CredentialSource | undefined {
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

/** credential_process: runs the command (split like a shell would, no shell) and reads its JSON. */
export function fromProcess(profile: Profile, env: NodeJS.ProcessEnv): CredentialSource | undefined {
  const command = profile.get('credential_process');
  if (typeof command !== 'string') return undefined;
  const run = (): CredentialMetadata => {
    const argv = shlexSplit(command);
    const result = childProcess().spawnSync(argv[0] ?? '', argv.slice(1), { env, stdio: ['inherit', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new GeneralError(`[Errno 2] No such file or directory: '${argv[0] ?? ''}'`);
      if (code === 'EACCES') throw new GeneralError(`[Errno 13] Permission denied: '${argv[0] ?? ''}'`);
      throw new GeneralError(result.error.message);
    }
    if (result.status !== 0) throw new CredentialRetrievalError('custom-process', decodeUtf8(result.stderr));
    return processMetadata(pyJsonLoads(decodeUtf8(result.stdout)));
  };
  const first = pythonErrorsSync(run);
  if (first.expiryTime === null) return staticMetadataSource('custom-process', first);
  return pythonErrorsSync(() => new RefreshableCredentials('custom-process', async () => run(), first));
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
