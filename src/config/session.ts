// The resolved configuration of one run: which profile, and the settings of that profile from
// the config file and the credentials file, as botocore's session sees them.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GeneralError } from '../cli/errors';
import { expandUser, expandVars } from '../util/paths';
import { IniParseError, parseIni, type IniSections, type IniValue } from './ini';

export class ProfileNotFoundError extends GeneralError {
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found`);
  }
}

export interface Session {
  readonly env: NodeJS.ProcessEnv;
  /** The profile name in effect (`default` when none was chosen). */
  readonly profileName: string;
  /** Whether the profile was chosen explicitly (--profile or AWS_PROFILE). */
  readonly profileExplicit: boolean;
  readonly configPath: string;
  readonly credentialsPath: string;
  /** Settings of the profile from the config file, or undefined when it has no section. */
  profileConfig(): ReadonlyMap<string, IniValue> | undefined;
  /** Settings of the profile from the credentials file. */
  profileCredentials(): ReadonlyMap<string, IniValue> | undefined;
  /** All sections of the config file. */
  configSections(): IniSections;
  /** A scalar setting of the profile (config file), e.g. `region`, `output`. */
  get(name: string): string | undefined;
}

export function createSession(env: NodeJS.ProcessEnv, cliProfile: string | undefined): Session {
  const home = () => env.HOME ?? homedir();
  const resolvePath = (p: string) => expandUser(expandVars(p, env), env, homedir);
  const configPath = resolvePath(env.AWS_CONFIG_FILE ?? join(home(), '.aws', 'config'));
  const credentialsPath = resolvePath(env.AWS_SHARED_CREDENTIALS_FILE ?? join(home(), '.aws', 'credentials'));
  const profileName = cliProfile ?? env.AWS_PROFILE ?? 'default';
  let config: IniSections | undefined;
  let credentials: IniSections | undefined;
  const configSections = () => (config ??= readIni(configPath));
  const credentialSections = () => (credentials ??= readIni(credentialsPath));
  const profileConfig = () =>
    profileName === 'default'
      ? (configSections().get('default') ?? configSections().get('profile default'))
      : configSections().get(`profile ${profileName}`);
  return {
    env,
    profileName,
    profileExplicit: cliProfile !== undefined || env.AWS_PROFILE !== undefined,
    configPath,
    credentialsPath,
    profileConfig,
    profileCredentials: () => credentialSections().get(profileName),
    configSections,
    get: (name) => {
      const value = profileConfig()?.get(name);
      return typeof value === 'string' ? value : undefined;
    },
  };
}

function readIni(path: string): IniSections {
  try {
    if (!statSync(path).isFile()) return new Map();
  } catch {
    return new Map();
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    return parseIni(text);
  } catch (error) {
    if (error instanceof IniParseError) throw new GeneralError(`Unable to parse config file: ${path}`);
    throw error;
  }
}

/** Throws the CLI's error when a chosen profile exists in neither file. */
export function requireProfile(session: Session): void {
  if (session.profileName === 'default' && !session.profileExplicit) return;
  if (session.profileConfig() || session.profileCredentials()) return;
  if (session.profileName === 'default') return;
  throw new ProfileNotFoundError(session.profileName);
}
