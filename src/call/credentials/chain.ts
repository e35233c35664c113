// botocore's default credential chain, in its order: environment (skipped when --profile is
// given), assume role (role_arn), web identity, SSO, the shared credentials file,
// credential_process, the config file, AWS_CREDENTIAL_FILE, boto's config, the container
// endpoint, instance metadata. Configuration errors surface while the chain is built (when the
// CLI creates the client); STS and SSO are called later, when the request is signed.
//
// Only the sources a run reaches are loaded: the environment or the credentials file load no
// STS, SSO, metadata or dateutil code.
//
// The SDK's fromNodeProviderChain uses another order (SSO before assume role, process after the
// files), reads the files with its own parser and words its errors differently, so the chain
// is ours; the STS calls go through @aws-sdk/credential-providers (see sts.ts).
import { readFileSync } from 'node:fs';
import { GeneralError } from '../../runtime/errors';
import type { Profile } from '../../config/session';
import { pyStr } from '../../util/python';
import { fromBotoConfig, fromConfigFile, fromEc2CredentialsFile, fromEnvironment, fromSharedCredentialsFile } from './local';
import type { SsoConfig } from './sso';
import type { AssumeRoleArgs } from './sts';
import {
  CredentialRetrievalError,
  InvalidConfigError,
  PartialCredentialsError,
  type ChainContext,
  type CredentialSource,
} from './types';

type Provider = readonly [method: string, load: () => Promise<CredentialSource | undefined> | CredentialSource | undefined];

/** The first credentials the chain finds, or undefined (the "Unable to locate credentials" case). */
export async function resolveCredentialChain(ctx: ChainContext): Promise<CredentialSource | undefined> {
  const profileName = ctx.session.profileName;
  const explicitProfile = ctx.session.explicitProfile !== undefined;
  const env = ctx.session.env;
  const providers: Provider[] = [
    ...(explicitProfile ? [] : [['env', () => fromEnvironment(env)] as const]),
    ['assume-role', () => assumeRoleSource(ctx, profileName, [profileName])],
    ...profileProviders(ctx, profileName, explicitProfile),
    ['ec2-credentials-file', () => fromEc2CredentialsFile(env)],
    ['boto-config', () => fromBotoConfig(ctx.session)],
    ['container-role', () => containerSource(ctx)],
    ['iam-role', () => instanceMetadataSource(ctx)],
  ];
  if (explicitProfile) ctx.log?.debug('botocore.credentials', 'Skipping environment variable credential check because profile name was explicitly set.');
  return firstOf(ctx, providers);
}

async function firstOf(ctx: ChainContext, providers: Provider[]): Promise<CredentialSource | undefined> {
  for (const [method, load] of providers) {
    ctx.log?.debug('botocore.credentials', `Looking for credentials via: ${method}`);
    const source = await load();
    if (source) {
      const found = FOUND[source.method]?.(ctx);
      if (found) ctx.log?.info('botocore.credentials', found);
      return source;
    }
  }
  return undefined;
}

/** botocore's INFO line when a provider found credentials. */
const FOUND: Record<string, (ctx: ChainContext) => string> = {
  env: () => 'Found credentials in environment variables.',
  'shared-credentials-file': (ctx) => `Found credentials in shared credentials file: ${ctx.session.credentialsFile}`,
  'config-file': (ctx) => `Credentials found in config file: ${ctx.session.configFile}`,
  'ec2-credentials-file': () => 'Found credentials in AWS_CREDENTIAL_FILE.',
  'boto-config': () => 'Found credentials in boto config file.',
};

function profileOf(ctx: ChainContext, name: string): Profile {
  return ctx.session.fullConfig().profiles.get(name) ?? new Map();
}

function text(profile: Profile, key: string): string | undefined {
  const value = profile.get(key);
  return value === undefined ? undefined : typeof value === 'string' ? value : pyStr(value);
}

/** The providers that read a profile's own settings (also the chain of a source_profile). */
function profileProviders(ctx: ChainContext, profileName: string, disableEnv: boolean): Provider[] {
  const profile = () => profileOf(ctx, profileName);
  return [
    ['assume-role-with-web-identity', () => webIdentitySource(ctx, profile(), disableEnv)],
    ['sso', () => ssoSource(ctx, profileName, profile())],
    ['shared-credentials-file', () => fromSharedCredentialsFile(ctx, profileName)],
    ['login', () => loginSource(profile())],
    ['custom-process', () => processSource(ctx, profile())],
    ['config-file', () => fromConfigFile(ctx, profileName)],
  ];
}

// ----- assume role -----

function hasAssumeRole(profile: Profile): boolean {
  return profile.has('role_arn') && !profile.has('web_identity_token_file');
}

function hasStaticKeys(profile: Profile): boolean {
  return profile.has('aws_secret_access_key') || profile.has('aws_access_key_id');
}

const CANONICAL_SOURCES = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'];

async function assumeRoleSource(ctx: ChainContext, profileName: string, visited: string[]): Promise<CredentialSource | undefined> {
  const profile = profileOf(ctx, profileName);
  if (!hasAssumeRole(profile)) return undefined;
  return assumeRoleFor(ctx, profileName, visited);
}

async function assumeRoleFor(ctx: ChainContext, profileName: string, visited: string[]): Promise<CredentialSource> {
  const profiles = ctx.session.fullConfig().profiles;
  const profile = profiles.get(profileName)!;
  const sourceProfile = text(profile, 'source_profile');
  const credentialSource = text(profile, 'credential_source');
  const args: AssumeRoleArgs = {
    RoleArn: text(profile, 'role_arn')!,
    // an empty session name is replaced by a generated one, as botocore does
    ...optional('RoleSessionName', text(profile, 'role_session_name') || undefined),
    ...optional('ExternalId', text(profile, 'external_id')),
    ...optional('SerialNumber', text(profile, 'mfa_serial')),
    ...optional('DurationSeconds', durationSeconds(text(profile, 'duration_seconds'))),
  };
  if (credentialSource !== undefined && sourceProfile !== undefined) {
    throw new InvalidConfigError(`The profile "${profileName}" contains both source_profile and credential_source.`);
  }
  if (credentialSource === undefined && sourceProfile === undefined) {
    throw new PartialCredentialsError('assume-role', 'source_profile or credential_source');
  }
  let source: CredentialSource;
  if (credentialSource !== undefined) {
    if (!CANONICAL_SOURCES.includes(credentialSource)) {
      throw new InvalidConfigError(`The credential source "${credentialSource}" referenced in profile "${profileName}" is not valid.`);
    }
    const found = await fromCredentialSource(ctx, credentialSource);
    if (!found) {
      throw new CredentialRetrievalError(credentialSource, `No credentials found in credential_source referenced in profile ${profileName}`);
    }
    source = found;
  } else {
    const name = sourceProfile!;
    if (!profiles.has(name)) {
      throw new InvalidConfigError(`The source_profile "${name}" referenced in the profile "${profileName}" does not exist.`);
    }
    const target = profiles.get(name)!;
    if (visited.includes(name) && (name !== profileName || !hasStaticKeys(target))) {
      throw new GeneralError(
        `Infinite loop in credential configuration detected. Attempting to load from profile ${name} which has already been visited. ` +
          `Visited profiles: [${visited.map((v) => `'${v}'`).join(', ')}]`,
      );
    }
    visited.push(name);
    if (hasStaticKeys(target) || !hasAssumeRole(target)) {
      const found = await firstOf(ctx, profileProviders(ctx, name, true));
      if (!found) throw new InvalidConfigError(`The source profile "${name}" must have credentials.`);
      source = found;
    } else {
      source = await assumeRoleFor(ctx, name, visited);
    }
  }
  const [{ RefreshableCredentials }, { assumeRole }] = await Promise.all([import('./refreshable'), import('./sts')]);
  return new RefreshableCredentials('assume-role', async () => assumeRole(ctx, await source.resolve(), args));
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function durationSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  return Number(value.trim());
}

async function fromCredentialSource(ctx: ChainContext, name: string): Promise<CredentialSource | undefined> {
  if (name === 'Environment') return fromEnvironment(ctx.session.env);
  if (name === 'EcsContainer') return containerSource(ctx);
  return instanceMetadataSource(ctx);
}

// ----- sources loaded when reached -----

async function containerSource(ctx: ChainContext): Promise<CredentialSource | undefined> {
  const env = ctx.session.env;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI === undefined && env.AWS_CONTAINER_CREDENTIALS_FULL_URI === undefined) return undefined;
  const { fromContainer } = await import('./remote');
  return fromContainer(env, ctx.transport);
}

async function instanceMetadataSource(ctx: ChainContext): Promise<CredentialSource | undefined> {
  const { fromInstanceMetadata, imdsSettings } = await import('./remote');
  return fromInstanceMetadata(imdsSettings(ctx.session), ctx.transport, ctx.log);
}

async function processSource(ctx: ChainContext, profile: Profile): Promise<CredentialSource | undefined> {
  if (typeof profile.get('credential_process') !== 'string') return undefined;
  const { fromProcess } = await import('./credential-process');
  return fromProcess(profile, ctx.session.env);
}

// ----- web identity -----

async function webIdentitySource(ctx: ChainContext, profile: Profile, disableEnv: boolean): Promise<CredentialSource | undefined> {
  const env = ctx.session.env;
  const setting = (key: string, envName: string) => (!disableEnv && env[envName] !== undefined ? env[envName] : text(profile, key));
  const tokenFile = setting('web_identity_token_file', 'AWS_WEB_IDENTITY_TOKEN_FILE');
  if (!tokenFile) return undefined;
  const roleArn = setting('role_arn', 'AWS_ROLE_ARN');
  if (!roleArn) {
    throw new InvalidConfigError(
      'The provided profile or the current environment is configured to assume role with web identity but has no ' +
        'role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
    );
  }
  const sessionName = setting('role_session_name', 'AWS_ROLE_SESSION_NAME');
  const readToken = () => {
    try {
      return readFileSync(tokenFile, 'utf8');
    } catch {
      throw new GeneralError(`[Errno 2] No such file or directory: '${tokenFile}'`);
    }
  };
  const [{ RefreshableCredentials }, { assumeRoleWithWebIdentity }] = await Promise.all([import('./refreshable'), import('./sts')]);
  return new RefreshableCredentials('assume-role-with-web-identity', () =>
    assumeRoleWithWebIdentity(ctx, { RoleArn: roleArn, ...optional('RoleSessionName', sessionName || undefined) }, readToken),
  );
}

// ----- SSO -----

async function ssoSource(ctx: ChainContext, profileName: string, profile: Profile): Promise<CredentialSource | undefined> {
  if (!profile.has('sso_role_name') && !profile.has('sso_account_id')) return undefined;
  let resolved: Profile = profile;
  const required = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region'];
  const sessionName = text(profile, 'sso_session');
  if (sessionName !== undefined) {
    const section = ctx.session.fullConfig().ssoSessions.get(sessionName);
    if (!section) throw new InvalidConfigError(`The specified sso-session does not exist: "${sessionName}"`);
    const merged = new Map(profile);
    for (const [key, value] of section) {
      const current = merged.get(key);
      if (current !== undefined && current !== value) {
        throw new InvalidConfigError(
          `The value for ${key} is inconsistent between profile (${pyStr(current)}) and sso-session (${pyStr(value)}).`,
        );
      }
      merged.set(key, value);
    }
    resolved = merged;
    required.push('sso_session');
  }
  const missing = required.filter((key) => !resolved.has(key));
  if (missing.length) {
    throw new InvalidConfigError(`The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`);
  }
  const config: SsoConfig = {
    startUrl: text(resolved, 'sso_start_url')!,
    ssoRegion: text(resolved, 'sso_region')!,
    roleName: text(resolved, 'sso_role_name')!,
    accountId: text(resolved, 'sso_account_id')!,
    ...(sessionName !== undefined ? { sessionName } : {}),
  };
  if (sessionName !== undefined) {
    // the token provider reads the sso-session section alone
    const section = ctx.session.fullConfig().ssoSessions.get(sessionName)!;
    const missingKeys = ['sso_start_url', 'sso_region'].filter((key) => !section.has(key));
    if (missingKeys.length) {
      throw new InvalidConfigError(
        `The profile "${profileName}" is configured to use the SSO token provider but is missing the following configuration: ` +
          `[${missingKeys.map((k) => `'${k}'`).join(', ')}].`,
      );
    }
  }
  const [{ RefreshableCredentials }, { ssoRoleMetadata }] = await Promise.all([import('./refreshable'), import('./sso')]);
  return new RefreshableCredentials('sso', () => ssoRoleMetadata(ctx, config));
}

/**
 * `aws login` sessions (login_session): this CLI has no `aws login`, so it never holds such a
 * session and answers as the CLI does when none was saved.
 */
function loginSource(profile: Profile): CredentialSource | undefined {
  if (!profile.has('login_session')) return undefined;
  throw new GeneralError(
    `Error loading login session token: Unable to load a existing login session for session ${text(profile, 'login_session')}, ` +
      "Please reauthenticate with 'aws login'.",
  );
}
