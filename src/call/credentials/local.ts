// Credential sources that need no network: environment variables, the shared credentials
// file, the config file, credential_process, the old EC2 tools' AWS_CREDENTIAL_FILE and boto's
// config. Each returns undefined when it does not apply, as botocore's providers do.
import { readFileSync } from 'node:fs';
import { GeneralError } from '../../runtime/errors';
import { homedir } from 'node:os';
import type { Profile, Session } from '../../config/session';
import { expandUser } from '../../util/paths';
import { shlexSplit } from '../../util/shlex';
import { PyDict, parsePyJson, PyJsonError, PyJsonRecursionError } from '../../util/pyjson';
import { PyNumber, pyStr } from '../../util/python';
import { childProcess } from '../../util/builtins';
import {
  CredentialRetrievalError,
  PartialCredentialsError,
  parseTimestamp,
  staticSource,
  type ChainContext,
  type CredentialSource,
  type Credentials,
} from './types';

const EXPIRED = 'Credentials were refreshed, but the refreshed credentials are still expired.';
/** botocore refreshes temporary credentials this close to their expiry. */
const ADVISORY_REFRESH_MS = 15 * 60 * 1000;

/** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SECURITY_TOKEN / AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION. */
export function fromEnvironment(env: NodeJS.ProcessEnv): CredentialSource | undefined {
  if (!env.AWS_ACCESS_KEY_ID) return undefined;
  const read = (): Credentials => {
    if (!env.AWS_SECRET_ACCESS_KEY) throw new PartialCredentialsError('env', 'AWS_SECRET_ACCESS_KEY');
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      sessionToken: env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || undefined,
      expiration: env.AWS_CREDENTIAL_EXPIRATION ? parseTimestamp(env.AWS_CREDENTIAL_EXPIRATION) : undefined,
    };
  };
  const first = read();
  // re-reading the environment cannot make expired credentials fresh
  return { method: 'env', resolve: async () => refreshIfNeeded(first, async () => read()) };
}

/** Temporary credentials close to expiry are fetched again; still expired afterwards is an error. */
export async function refreshIfNeeded(credentials: Credentials, refresh: () => Promise<Credentials>): Promise<Credentials> {
  if (!credentials.expiration || credentials.expiration.getTime() - Date.now() >= ADVISORY_REFRESH_MS) return credentials;
  const fresh = await refresh();
  if (fresh.expiration && fresh.expiration.getTime() <= Date.now()) throw new GeneralError(EXPIRED);
  return fresh;
}

function staticKeys(method: string, section: Profile | undefined): CredentialSource | undefined {
  if (!section?.has('aws_access_key_id')) return undefined;
  const text = (key: string) => {
    const value = section.get(key);
    return typeof value === 'string' ? value : value === undefined ? undefined : pyStr(value);
  };
  const secret = text('aws_secret_access_key');
  if (secret === undefined) throw new PartialCredentialsError(method, 'aws_secret_access_key');
  return staticSource(method, {
    accessKeyId: text('aws_access_key_id')!,
    secretAccessKey: secret,
    sessionToken: text('aws_security_token') ?? text('aws_session_token'),
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
  const run = (): Credentials => {
    const argv = shlexSplit(command);
    const result = childProcess().spawnSync(argv[0] ?? '', argv.slice(1), { env, stdio: ['inherit', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new GeneralError(`[Errno 2] No such file or directory: '${argv[0] ?? ''}'`);
      if (code === 'EACCES') throw new GeneralError(`[Errno 13] Permission denied: '${argv[0] ?? ''}'`);
      throw new GeneralError(result.error.message);
    }
    if (result.status !== 0) throw new CredentialRetrievalError('custom-process', result.stderr.toString('utf8'));
    const parsed = parseProcessJson(result.stdout.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new GeneralError(`'${Array.isArray(parsed) ? 'list' : pyTypeOf(parsed)}' object has no attribute 'get'`);
    }
    const record = parsed as Record<string, unknown>;
    const version = 'Version' in record ? record.Version : '<Version key not provided>';
    if (version !== 1 && version !== true) {
      throw new CredentialRetrievalError(
        'custom-process',
        `Unsupported version '${typeof version === 'string' ? version : pyStr(version)}' for credential process provider, supported versions: 1`,
      );
    }
    for (const key of ['AccessKeyId', 'SecretAccessKey']) {
      if (!(key in record)) throw new CredentialRetrievalError('custom-process', `Missing required key in response: '${key}'`);
    }
    return {
      accessKeyId: String(record.AccessKeyId),
      secretAccessKey: String(record.SecretAccessKey),
      sessionToken: typeof record.SessionToken === 'string' ? record.SessionToken : undefined,
      expiration: parseTimestamp(record.Expiration),
    };
  };
  const first = run();
  return { method: 'custom-process', resolve: async () => refreshIfNeeded(first, async () => run()) };
}

function pyTypeOf(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

/** json.loads: Python's reading, and its message for output that is not JSON. */
function parseProcessJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Python's reading: its error message, or what only Python accepts (NaN, Infinity)
    try {
      return plainJson(parsePyJson(text));
    } catch (error) {
      if (error instanceof PyJsonError || error instanceof PyJsonRecursionError) throw new GeneralError(error.message);
      throw error;
    }
  }
}

function plainJson(value: unknown): unknown {
  if (value instanceof PyNumber) return value.value;
  if (value instanceof PyDict) return Object.fromEntries([...value.entries].map(([k, v]) => [k, plainJson(v)]));
  if (Array.isArray(value)) return value.map(plainJson);
  return value;
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
