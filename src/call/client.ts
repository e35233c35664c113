// What botocore does when the CLI creates the EC2 client, in its order — and so with its first
// error when several things are wrong: the region (--region, AWS_REGION, AWS_DEFAULT_REGION, the
// profile, instance metadata) and its format, the CA bundle, the credential chain, the profile's
// existence, configured endpoints, the missing region, the retry settings, the endpoint URL.
import { GeneralError } from '../runtime/errors';
import { NoRegionError } from './errors';
import type { Globals } from '../model/globals';
import { parsePyInt } from '../util/pyint';
import { showPythonWarningsOn } from '../util/pywarnings';
import type { Io } from '../runtime/io';
import {
  configuredEndpoint,
  retrySettings,
  timeoutSeconds,
  useDualstackEndpoint,
  useFipsEndpoint,
  type RetrySettings,
} from '../config/client-settings';
import type { Session } from '../config/session';
import type { DebugLog } from './debug';
import { isValidEndpointUrl } from './endpoint';
import type { TransportOptions } from './transport';
import type { ChainContext, CredentialSource } from './credentials/types';

export interface Ec2Client {
  readonly region: string;
  readonly endpointUrl: string;
  /** undefined with --no-sign-request, or when the chain found nothing (an error only when signing). */
  readonly credentials?: CredentialSource;
  readonly signRequest: boolean;
  readonly transport: TransportOptions;
  readonly retry: RetrySettings;
}

/** What making a client may need of the user's terminal besides the network. */
export interface ClientHooks {
  /** urllib3's InsecureRequestWarning (--no-verify-ssl). */
  readonly warn: (text: string) => void;
  /** Reads an answer without echo (the MFA code of an assume-role profile). */
  readonly askSecret: (question: string) => Promise<string>;
}

/** A command's client: warnings on stderr, questions on the terminal (Python's getpass). */
export function commandHooks(io: Io): ClientHooks {
  return {
    warn: io.stderr,
    askSecret: async (question) => (await import('./prompt')).getpass(question, io),
  };
}

const REGION_FORMAT = /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$/;

/** `service`: the model's service name (`ec2`), under which endpoints are configured. */
export async function createEc2Client(
  service: string,
  session: Session,
  globals: Globals,
  hooks: ClientHooks,
  log?: DebugLog,
): Promise<Ec2Client> {
  const warnedHosts = new Set<string>();
  // Python warnings raised while credentials are read (dateutil's) go to stderr as they happen
  showPythonWarningsOn(hooks.warn);
  let region = session.region(globals.region);
  if (region === undefined) {
    const { imdsSettings, regionFromInstanceMetadata } = await import('./credentials/remote');
    region = await regionFromInstanceMetadata(imdsSettings(session), credentialTransport(session, globals, hooks, warnedHosts, log));
  }
  if (region !== undefined && !REGION_FORMAT.test(region)) {
    throw new GeneralError(`Provided region_name '${region}' doesn't match a supported format.`);
  }
  const verify: boolean | string = globals.verifySsl === false ? false : (globals.caBundle ?? session.caBundle() ?? true);
  const transport: TransportOptions = { ...credentialTransport(session, globals, hooks, warnedHosts, log), verify };

  const signRequest = globals.signRequest !== false;
  let credentials: CredentialSource | undefined;
  if (signRequest) {
    session.scopedConfig();
    const { resolveCredentialChain } = await import('./credentials/chain');
    const ctx: ChainContext = {
      session,
      region,
      transport: credentialTransport(session, globals, hooks, warnedHosts, log),
      retry: () => retrySettings(session),
      log,
      prompt: hooks.askSecret,
    };
    credentials = await resolveCredentialChain(ctx);
  }
  session.scopedConfig();

  // botocore's client takes a FIPS pseudo-region (us-east-1-fips, fips-us-gov-west-1) as the
  // region without `fips-`/`-fips`, with FIPS endpoints on; the credential chain saw it unchanged
  let useFips = useFipsEndpoint(session);
  const normalized = region?.replaceAll('fips-', '').replaceAll('-fips', '');
  if (region !== undefined && normalized !== region) {
    log?.warning(
      'botocore.client',
      `transforming region from ${region} to ${normalized} and setting use_fips_endpoint to true. client should not be configured with a fips psuedo region.`,
    );
    region = normalized;
    useFips = true;
  }
  const configured = globals.endpointUrl ?? configuredEndpoint(session, service);
  if (region === undefined) throw new NoRegionError();
  const useDualstack = useDualstackEndpoint(session);
  checkModeledVariants(region, useDualstack, useFips);
  const retry = retrySettings(session);
  let endpointUrl = configured;
  if (endpointUrl === undefined) {
    const { resolveEc2Endpoint } = await import('./invoke');
    endpointUrl = resolveEc2Endpoint(region, useFips, useDualstack);
  }
  if (!isValidEndpointUrl(endpointUrl)) throw new GeneralError(`Invalid endpoint: ${endpointUrl}`);
  // the endpoint's HTTP session is made next, and urllib3 refuses negative timeouts there
  checkTimeout('connect', globals.cliConnectTimeout);
  checkTimeout('read', globals.cliReadTimeout);

  log?.debug('botocore.session', `Profile in effect: ${session.profileName}`);
  log?.debug('botocore.regions', `Region: ${region}`);
  log?.debug('botocore.regions', `Endpoint provider result: ${endpointUrl}`);
  log?.debug('botocore.client', `Retry mode: ${retry.mode}, max attempts: ${retry.maxAttempts}`);
  log?.debug('botocore.credentials', credentials ? `Credential source: ${credentials.method}` : signRequest ? 'No credentials found' : 'Request signing disabled (--no-sign-request)');
  return { region, endpointUrl, credentials, signRequest, transport, retry };
}

/**
 * botocore still resolves the client's endpoint from its older endpoints.json too (for the signing
 * region), even with --endpoint-url, and that data has no dual-stack EC2 endpoints in the
 * aws-iso-e and aws-iso-f partitions: it fails the command there.
 */
function checkModeledVariants(region: string, useDualstack: boolean, useFips: boolean): void {
  if (!useDualstack || !/^(eu-isoe|us-isof)-\w+-\d+$/.test(region)) return;
  const tags = useFips ? "['dualstack', 'fips']" : "['dualstack']";
  throw new GeneralError(`Unable to construct a modeled endpoint with the following variant(s) ${tags}: `);
}

/** urllib3's Timeout check: 0 means none (the CLI passes None), a negative number is refused. */
function checkTimeout(kind: 'connect' | 'read', value: string | undefined): void {
  const seconds = value === undefined ? undefined : parsePyInt(value);
  if (seconds !== undefined && seconds < 0n) {
    throw new GeneralError(`Attempted to set ${kind} timeout to ${seconds}, but the timeout cannot be set to a value less than or equal to 0.`);
  }
}

/** Transport settings every client shares; STS, SSO and metadata clients verify with AWS_CA_BUNDLE / ca_bundle only. */
function credentialTransport(session: Session, globals: Globals, hooks: ClientHooks, warnedHosts: Set<string>, log?: DebugLog): TransportOptions {
  const connect = timeoutSeconds(globals.cliConnectTimeout);
  const read = timeoutSeconds(globals.cliReadTimeout);
  let verify: boolean | string = true;
  try {
    verify = session.caBundle() ?? true;
  } catch {
    // an unknown profile is reported where the CLI reports it
  }
  return {
    verify,
    connectTimeoutMs: connect === undefined ? undefined : connect * 1000,
    readTimeoutMs: read === undefined ? undefined : read * 1000,
    env: session.env,
    useProxies: true,
    log,
    warn: hooks.warn,
    warnedHosts,
  };
}
