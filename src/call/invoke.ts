// The one place that talks to EC2 with the SDK: resolves the regional endpoint with the SDK's
// endpoint rules, builds the request with EC2Client (serialisation, SigV4), sends it through our
// transport with botocore's retries and parses the answer botocore's way. Imported lazily so
// skeletons, usage errors and help never load the SDK.
import { EC2Client, ReleaseIpamPoolAllocationCommand } from '@aws-sdk/client-ec2';
import { Sha256Js } from '@smithy/core/checksum';
import { GeneralError } from '../runtime/errors';
import type { RetrySettings } from '../config/client-settings';
import type { Operation, releaseIpamPoolAllocation } from '../model/operation';
import type { DebugLog } from './debug';
import { childText } from './response';
import { requestUrlFor, signedHostFor } from './endpoint';
import { pathWithoutParams, urlsplit } from '../util/pyurl';
import { attemptThrough, CapturingHandler, queryCall } from './service-call';
import type { TransportOptions } from './transport';
import type { Credentials } from './credentials/types';

/**
 * The SDK's command class of each operation the model describes. The import has to name it (a
 * computed import would keep every EC2 command in the bundle); the key type is computed from the
 * model, so a command that is not the model's operation does not compile.
 */
type ModelledCommand = `${(typeof releaseIpamPoolAllocation)['name']}Command`;
const sdkCommands: Readonly<Record<ModelledCommand, typeof ReleaseIpamPoolAllocationCommand>> = { ReleaseIpamPoolAllocationCommand };

function sdkCommandOf(op: Operation): typeof ReleaseIpamPoolAllocationCommand {
  const command = sdkCommands[`${op.name}Command` as ModelledCommand];
  if (!command) throw new Error(`no SDK command for ${op.name}`);
  return command;
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

/**
 * Settings the SDK would otherwise read from the environment and ~/.aws by itself (with its own
 * rules); the CLI's resolution (config/) has already decided them.
 */
export const SDK_DEFAULTS = {
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  maxAttempts: 1,
  retryMode: 'standard',
  defaultsMode: 'legacy',
  ignoreConfiguredEndpointUrls: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  disableRequestCompression: true,
  // EC2 signs with SigV4 only; a preference would choose among nothing
  authSchemePreference: [] as string[],
  // botocore always signs with the local clock
  disableClockSkewCorrection: true,
} as const;

/** The EC2 endpoint for a region from the SDK's endpoint rules (FIPS / dual-stack variants included). */
export function resolveEc2Endpoint(region: string, useFips: boolean, useDualstack: boolean): string {
  // botocore fills an empty region into the default partition's template (and then rejects the
  // URL); the SDK's rules refuse it outright, so resolve a stand-in and take it out again
  const standIn = 'region-placeholder-0';
  const client = new EC2Client({ region: region || standIn, logger: silentLogger, ...SDK_DEFAULTS });
  try {
    const { url } = client.config.endpointProvider(
      { Region: region || standIn, UseFIPS: useFips, UseDualStack: useDualstack },
      { logger: silentLogger },
    );
    // the URL parser lower-cases the host; botocore keeps the region as given (ec2.US-EAST-1…)
    const href = url.href.replace(/\/$/, '').replace(standIn, region);
    return region === region.toLowerCase() ? href : href.replace(`.${region.toLowerCase()}.`, `.${region}.`);
  } catch (error) {
    throw new GeneralError((error as Error).message);
  } finally {
    client.destroy();
  }
}

export interface Ec2CallPlan {
  readonly region: string;
  readonly endpointUrl: string;
  /** undefined for --no-sign-request. */
  readonly credentials?: Credentials;
  readonly transport: TransportOptions;
  readonly retry: RetrySettings;
  /** botocore's user_agent_appid (AWS_SDK_UA_APP_ID, sdk_ua_app_id): `app/<id>` in the User-Agent. */
  readonly userAgentAppId?: string;
  readonly log?: DebugLog;
}

export async function callEc2(op: Operation, params: Record<string, unknown>, plan: Ec2CallPlan): Promise<Record<string, unknown>> {
  // the answer is parsed botocore's way below (parseOutput), never from the SDK's result
  const { client, handler } = ec2ClientFor(op.service, plan, { sdkIgnoresAnswer: true });
  const SdkCommand = sdkCommandOf(op);
  try {
    plan.log?.debug('botocore.endpoint', `Making request for OperationModel(name=${op.name}) with params: ${JSON.stringify(params)}`);
    const { root } = await queryCall(
      op.name,
      () => attemptThrough(handler, () => client.send(new SdkCommand(params as never))),
      plan.retry,
      plan.log,
    );
    return parseOutput(op, root);
  } finally {
    client.destroy();
  }
}

/**
 * An EC2Client that only builds and signs requests: they go through our transport (the handler)
 * to the endpoint URL as botocore writes it, signed for that URL, as botocore signs them.
 */
export function ec2ClientFor(
  service: string,
  plan: Ec2CallPlan,
  options: { sdkIgnoresAnswer: boolean },
): { client: EC2Client; handler: CapturingHandler } {
  const url = requestUrlFor(plan.endpointUrl);
  const signed = plan.credentials !== undefined;
  const handler = new CapturingHandler(plan.transport, { unsigned: !signed, service, sdkIgnoresAnswer: options.sdkIgnoresAnswer, url });
  const client = new EC2Client({
    // an empty region (`--region ''` or AWS_REGION='' with an explicit endpoint) is refused by the
    // SDK's config; botocore sends the request and signs it for region "" (see signForEmptyRegion)
    region: plan.region || 'us-east-1',
    // The SDK reads an endpoint with WHATWG's URL parser, which rewrites or refuses URLs botocore
    // uses as written; it gets a stand-in, and signs for the real URL (signForUrl).
    endpoint: 'https://endpoint.invalid',
    // unsigned requests are signed with placeholders whose headers the handler then drops
    credentials: plan.credentials ?? { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' },
    requestHandler: handler,
    logger: silentLogger,
    // the SDK's JavaScript SHA-256 signs a request in well under a millisecond; node:crypto's costs
    // ~4 ms and ~2 MB to load, on every call (the build loads node:crypto lazily, scripts/sdk-patches.mjs)
    sha256: Sha256Js,
    ...SDK_DEFAULTS,
    // given, so that the SDK reads no config file of its own (with its own idea of the profile)
    userAgentAppId: async () => plan.userAgentAppId,
  });
  if (plan.region === '') signForEmptyRegion(client);
  signForUrl(client, url, signed);
  return { client, handler };
}

/**
 * Gives the request the path, query and Host header of `url` just before it is signed, so that
 * the signature covers what the transport sends. A port Python cannot read fails here for a
 * signed request, as in botocore's signer; unsigned, urllib3 reports it when sending.
 */
function signForUrl(client: EC2Client, url: string, signed: boolean): void {
  type Request = { path: string; query: Record<string, string | string[]>; headers: Record<string, string> };
  const parts = urlsplit(url);
  const path = pathWithoutParams(parts) || '/';
  const query: Record<string, string | string[]> = {};
  for (const pair of parts.query ? parts.query.split('&') : []) {
    const [key, value = ''] = splitOnce(pair, '=').map(decodeQueryText);
    const seen = query[key!];
    query[key!] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  type Next = (args: { request: unknown }) => Promise<unknown>;
  const middleware = (next: Next) => async (args: { request: unknown }) => {
    const request = args.request as Request;
    request.path = path;
    request.query = query;
    let host: string | undefined;
    try {
      host = signedHostFor(url);
    } catch (error) {
      if (signed) throw error;
    }
    if (host !== undefined) request.headers.host = host;
    return next(args);
  };
  // (a finalize-step middleware; the SDK's stack type cannot tell which step a function is for)
  client.middlewareStack.addRelativeTo(middleware as never, {
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
    name: 'botocoreRequestUrl',
  });
}

function splitOnce(text: string, separator: string): string[] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/** A query key or value as the signer should see it (it encodes again); broken escapes stay as written. */
function decodeQueryText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Makes the client's SigV4 signer use an empty region in the credential scope, as botocore does. */
function signForEmptyRegion(client: EC2Client): void {
  type SignOptions = { signingRegion?: string } & Record<string, unknown>;
  type Signer = { sign(request: unknown, options?: SignOptions): Promise<unknown> };
  const config = client.config as unknown as { signer: (authScheme?: unknown) => Promise<Signer> };
  const chooseSigner = config.signer;
  config.signer = async (authScheme) => {
    const signer = await chooseSigner(authScheme);
    return { sign: (request, options) => signer.sign(request, { ...options, signingRegion: '' }) };
  };
}

/** The output members botocore reads from the EC2 answer (serialised with a lower-case first letter). */
function parseOutput(op: Operation, root: Parameters<typeof childText>[0]): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const member of op.output) {
    const value = childText(root, member.name[0]!.toLowerCase() + member.name.slice(1));
    if (value === undefined) continue;
    if (member.type === 'boolean') output[member.name] = value === 'true';
    else if (member.type === 'integer') output[member.name] = Number.parseInt(value ?? '', 10);
    else output[member.name] = value ?? '';
  }
  return output;
}
