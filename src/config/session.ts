// The configuration of one run as botocore's session sees it: the config and credentials files
// (parsed once per run, right after the first-pass parser, as the real CLI does; the run keeps
// them), the profile in effect, and the settings of that profile. Every setting the CLI resolves
// from the environment and the profile is read through here, in the same order of precedence.
import { homedir } from '../util/builtins';
import { readFileSync } from 'node:fs';
import { GeneralError, ConfigurationError } from '../runtime/errors';
import { MemoSlot, type RunContext } from '../runtime/context';
import { expandUser, expandVars, isFile } from '../util/paths';
import { binaryFormats } from '../model/globals';
import { pyReprString } from '../util/python';
import { IniParseError, parseIni, type IniSections, type IniValue } from './ini';
import { shlexSplit } from '../util/shlex';

export type Profile = ReadonlyMap<string, IniValue>;

export class ProfileNotFoundError extends GeneralError {
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found`);
  }
}

export class ConfigParseError extends GeneralError {
  constructor(path: string) {
    super(`Unable to parse config file: ${path}`);
  }
}

/** The config file mapped botocore's way, with the credentials file's sections merged into the profiles. */
export interface FullConfig {
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly ssoSessions: ReadonlyMap<string, Profile>;
  readonly services: ReadonlyMap<string, Profile>;
}

/** The files a run has parsed, by resolved path. */
const PARSED_FILES = new MemoSlot(() => new Map<string, IniSections | undefined>());

/** botocore's raw_config_parse: undefined when the path is not a file (ConfigNotFound). Once per run. */
export function rawConfigParse(ctx: RunContext, path: string): IniSections | undefined {
  const resolved = expandPath(path, ctx.io.env);
  const parsedFiles = ctx.memo.get(PARSED_FILES);
  if (parsedFiles.has(resolved)) return parsedFiles.get(resolved);
  let sections: IniSections | undefined;
  if (isFile(resolved)) {
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(resolved));
    } catch (error) {
      // configparser skips files it cannot open; bytes that are not UTF-8 are a parse error (a BOM is
      // kept: Python's utf-8 codec keeps it, and the first header then fails to parse)
      if (error instanceof TypeError) throw new ConfigParseError(resolved);
    }
    try {
      sections = parseIni(text ?? '');
    } catch (error) {
      if (error instanceof IniParseError) throw new ConfigParseError(resolved);
      throw error;
    }
  }
  parsedFiles.set(resolved, sections);
  return sections;
}

/** botocore's build_profile_map: `[profile x]` → x, `[default]`, `[sso-session x]`, `[services x]`. */
export function buildProfileMap(sections: IniSections | undefined): FullConfig {
  const profiles = new Map<string, Profile>();
  const ssoSessions = new Map<string, Profile>();
  const services = new Map<string, Profile>();
  for (const [name, values] of sections ?? []) {
    const target = name.startsWith('profile')
      ? profiles
      : name.startsWith('sso-session')
        ? ssoSessions
        : name.startsWith('services')
          ? services
          : undefined;
    if (target) {
      const second = secondWord(name);
      if (second !== undefined) target.set(second, values);
    } else if (name === 'default') {
      profiles.set(name, values);
    }
  }
  return { profiles, ssoSessions, services };
}

function secondWord(sectionName: string): string | undefined {
  try {
    const parts = shlexSplit(sectionName);
    return parts.length === 2 ? parts[1] : undefined;
  } catch {
    return undefined;
  }
}

export function expandPath(path: string, env: NodeJS.ProcessEnv): string {
  return expandUser(expandVars(path, env), env, homedir);
}

/** Python's `bool`-ish reading of a setting: only "true" (any case) is true. */
export function ensureBoolean(value: string | boolean | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'boolean' ? value : value.toLowerCase() === 'true';
}

export interface SessionOptions {
  /** --profile (an empty value counts as not given, as in the CLI). */
  readonly profile?: string;
}

export class Session {
  readonly env: NodeJS.ProcessEnv;
  readonly configFile: string;
  readonly credentialsFile: string;
  private full?: FullConfig;

  constructor(
    private readonly run: RunContext,
    private readonly options: SessionOptions = {},
  ) {
    this.env = run.io.env;
    this.configFile = this.env.AWS_CONFIG_FILE ?? '~/.aws/config';
    this.credentialsFile = this.env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials';
  }

  /** The profile set with --profile (which also turns off the environment-variable credentials). */
  get explicitProfile(): string | undefined {
    return this.options.profile || undefined;
  }

  /** botocore's `profile` variable: --profile, AWS_PROFILE, AWS_DEFAULT_PROFILE (an empty value counts). */
  get profileVariable(): string | undefined {
    return this.explicitProfile ?? this.env.AWS_PROFILE ?? this.env.AWS_DEFAULT_PROFILE;
  }

  /** The profile whose settings and credentials are used. */
  get profileName(): string {
    return this.profileVariable || 'default';
  }

  /** Parses both files (the CLI does this at start-up; parse errors surface there). */
  fullConfig(): FullConfig {
    if (this.full) return this.full;
    const config = buildProfileMap(this.rawConfigParse(this.configFile));
    const profiles = new Map(config.profiles);
    for (const [name, values] of this.rawConfigParse(this.credentialsFile) ?? []) {
      const existing = profiles.get(name);
      profiles.set(name, existing ? new Map([...existing, ...values]) : values);
    }
    this.full = { ...config, profiles };
    return this.full;
  }

  /** Only the config file's profiles (botocore's ConfigProvider reads just that file). */
  configFileProfiles(): ReadonlyMap<string, Profile> {
    return buildProfileMap(this.rawConfigParse(this.configFile)).profiles;
  }

  /** Only the credentials file's sections, by raw section name. */
  credentialsFileSections(): IniSections | undefined {
    return this.rawConfigParse(this.credentialsFile);
  }

  /** A file parsed botocore's way (raw_config_parse), once per run. */
  rawConfigParse(path: string): IniSections | undefined {
    return rawConfigParse(this.run, path);
  }

  /** The settings of the profile in effect; a chosen profile that does not exist is an error. */
  scopedConfig(): Profile {
    const name = this.profileVariable;
    const profiles = this.fullConfig().profiles;
    if (name === undefined) return profiles.get('default') ?? new Map();
    const profile = profiles.get(name);
    if (!profile) throw new ProfileNotFoundError(name);
    return profile;
  }

  /** A scalar setting of the profile in effect (nested sections are not scalars). */
  get(key: string): string | undefined {
    const value = this.scopedConfig().get(key);
    return typeof value === 'string' ? value : undefined;
  }

  /** A setting with botocore's precedence: the first environment variable present, then the profile. */
  variable(envNames: readonly string[], key?: string): string | undefined {
    for (const name of envNames) if (this.env[name] !== undefined) return this.env[name];
    return key === undefined ? undefined : this.get(key);
  }

  // ----- settings the CLI itself defines (awscli/clidriver.py's chains) -----

  /** --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region` (IMDS is asked by the caller). */
  region(cliRegion: string | undefined): string | undefined {
    if (cliRegion !== undefined) return cliRegion;
    return this.variable(['AWS_REGION', 'AWS_DEFAULT_REGION'], 'region');
  }

  /** --output, AWS_DEFAULT_OUTPUT, the profile's `output`, json. */
  output(cliOutput: string | undefined): string {
    return cliOutput ?? this.variable(['AWS_DEFAULT_OUTPUT'], 'output') ?? 'json';
  }

  /**
   * The pager command line for command output, undefined for none: none with --no-cli-pager (a
   * false `cliPager`), else AWS_PAGER, the profile's `cli_pager`, PAGER, `less`; an empty value is none.
   */
  pager(cliPager: boolean | undefined): string | undefined {
    const profilePager = this.get('cli_pager');
    if (cliPager === false) return undefined;
    return (this.env.AWS_PAGER ?? profilePager ?? this.env.PAGER ?? 'less') || undefined;
  }

  /**
   * The profile's `cli_binary_format` or base64. The CLI looks the format up in a table of
   * handlers for every command, so an unknown value fails even operations without binary members
   * (a KeyError: the value's repr); a profile that does not exist means base64.
   */
  binaryFormat(): string {
    const value = this.getUnlessProfileMissing('cli_binary_format') ?? 'base64';
    if (!(binaryFormats as readonly string[]).includes(value)) throw new GeneralError(pyReprString(value));
    return value;
  }

  /** A setting of the profile, or undefined when the profile does not exist (the CLI's handlers catch that). */
  private getUnlessProfileMissing(name: string): string | undefined {
    try {
      return this.get(name);
    } catch (error) {
      if (!(error instanceof ProfileNotFoundError)) throw error;
      return undefined;
    }
  }

  /** AWS_CLI_AUTO_PROMPT, the profile's `cli_auto_prompt`, off. */
  autoPrompt(): string {
    return this.variable(['AWS_CLI_AUTO_PROMPT'], 'cli_auto_prompt') ?? 'off';
  }

  /**
   * The profile's `cli_timestamp_format` (wire or iso8601), checked when the session starts;
   * an unknown profile does not fail here (the CLI falls back to the default).
   */
  timestampFormat(): 'wire' | 'iso8601' {
    const value = this.getUnlessProfileMissing('cli_timestamp_format') ?? 'iso8601';
    if (value !== 'wire' && value !== 'iso8601') {
      throw new ConfigurationError(`Unknown cli_timestamp_format value: ${value}, valid values are "wire" or "iso8601"`);
    }
    return value;
  }

  /** AWS_CA_BUNDLE or the profile's `ca_bundle`. */
  caBundle(): string | undefined {
    return this.variable(['AWS_CA_BUNDLE'], 'ca_bundle');
  }
}

/**
 * Called right after the first-pass parser: the real CLI reads both files at that point, so a
 * file it cannot parse fails every command (even --version) with exit 255.
 */
export function loadConfigFiles(ctx: RunContext): void {
  new Session(ctx).fullConfig();
}

/**
 * Called once the global options are parsed (the CLI's session-initialized event): checks the
 * settings the CLI validates before it looks at the command.
 */
export function initializeSession(ctx: RunContext, cliProfile: string | undefined, cliBinaryFormat: string | undefined): Session {
  const session = createSession(ctx, cliProfile);
  // in the CLI's order: the timestamp format is checked before the binary format
  session.timestampFormat();
  // the parser has checked --cli-binary-format against its choices
  if (cliBinaryFormat === undefined) session.binaryFormat();
  return session;
}

/** A session of the run for --profile (or none); the run's files are parsed only once. */
export function createSession(ctx: RunContext, cliProfile: string | undefined): Session {
  return new Session(ctx, { profile: cliProfile });
}
