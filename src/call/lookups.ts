// Live values for the auto-prompt's menus: the IPAM pools (DescribeIpamPools) and the allocations
// of a pool (GetIpamPoolAllocations). They are asked of the endpoint the command would call, by the
// client the command would get (createEc2Client: Region, configured endpoints, the CLI's credential
// chain, CA bundle, --no-verify-ssl, proxies), through the same transport and signed the same way.
// A lookup stays out of the prompt's way: it asks nothing (an MFA code would be typed into the
// screen), warns and logs nothing, is not retried, and gives up after a few seconds; the prompt
// asks only with a Region (it never waits for instance metadata). Loaded, with the SDK, on first use.
import {
  DescribeIpamPoolsCommand,
  GetIpamPoolAllocationsCommand,
  type DescribeIpamPoolsCommandOutput,
  type GetIpamPoolAllocationsCommandOutput,
} from '@aws-sdk/client-ec2';
import type { Globals } from '../model/globals';
import type { Session } from '../config/session';
import { createEc2Client, type ClientHooks } from './client';
import { ec2ClientFor, type Ec2CallPlan } from './invoke';
import { attemptThrough, queryCall } from './service-call';
import { TransportError, type TransportOptions } from './transport';
import { NoCredentialsError, ServiceError } from './errors';

export interface PoolInfo {
  readonly id: string;
  readonly description?: string;
  readonly locale?: string;
  readonly state?: string;
}

export interface AllocationInfo {
  readonly id: string;
  readonly cidr?: string;
  readonly resourceType?: string;
}

/** Where to look: the command's service, and its session and global options as the prompt's line has them. */
export interface LookupTarget {
  readonly service: string;
  readonly session: Session;
  readonly globals: Globals;
}

/** At most this many pages per lookup, and this long for all of them. */
const MAX_PAGES = 5;
const TIME_LIMIT_MS = 4000;
const CONNECT_LIMIT_MS = 1500;

const QUIET: ClientHooks = {
  warn: () => {},
  askSecret: () => Promise.reject(new Error('a lookup asks no questions')),
};

export async function listPools(target: LookupTarget): Promise<PoolInfo[]> {
  return lookup(target, async (send) => {
    const pools: PoolInfo[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = (await send('DescribeIpamPools', new DescribeIpamPoolsCommand({ NextToken: token }))) as DescribeIpamPoolsCommandOutput;
      for (const p of out.IpamPools ?? []) {
        if (p.IpamPoolId) pools.push({ id: p.IpamPoolId, description: p.Description, locale: p.Locale, state: p.State });
      }
      token = out.NextToken;
      if (!token) break;
    }
    return pools;
  });
}

export async function listAllocations(target: LookupTarget, poolId: string): Promise<AllocationInfo[]> {
  return lookup(target, async (send) => {
    const allocations: AllocationInfo[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const command = new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, NextToken: token });
      const out = (await send('GetIpamPoolAllocations', command)) as GetIpamPoolAllocationsCommandOutput;
      for (const a of out.IpamPoolAllocations ?? []) {
        if (a.IpamPoolAllocationId) allocations.push({ id: a.IpamPoolAllocationId, cidr: a.Cidr, resourceType: a.ResourceType });
      }
      token = out.NextToken;
      if (!token) break;
    }
    return allocations;
  });
}

/** Sends one SDK command and returns the SDK's reading of the answer. */
type Send = (operation: string, command: object) => Promise<unknown>;

async function lookup<T>(target: LookupTarget, pages: (send: Send) => Promise<T[]>): Promise<T[]> {
  const { service, session, globals } = target;
  return withinTime(async () => {
    const client = await createEc2Client(service, session, globals, QUIET);
    if (client.signRequest && !client.credentials) throw new NoCredentialsError();
    const plan: Ec2CallPlan = {
      region: client.region,
      endpointUrl: client.endpointUrl,
      credentials: client.credentials ? await client.credentials.resolve() : undefined,
      transport: withLimits(client.transport),
      retry: { ...client.retry, maxAttempts: 1 },
      userAgentAppId: session.variable(['AWS_SDK_UA_APP_ID'], 'sdk_ua_app_id'),
    };
    const { client: ec2, handler } = ec2ClientFor(service, plan, { sdkIgnoresAnswer: false });
    const send: Send = async (operation, command) => {
      const { value } = await queryCall(operation, () => attemptThrough(handler, () => ec2.send(command as never)), plan.retry);
      return value;
    };
    try {
      return await pages(send);
    } finally {
      ec2.destroy();
    }
  });
}

/** The command's timeouts, shortened to what a menu can wait for. */
function withLimits(transport: TransportOptions): TransportOptions {
  const limit = (ms: number | undefined, most: number) => Math.min(ms ?? most, most);
  return {
    ...transport,
    connectTimeoutMs: limit(transport.connectTimeoutMs, CONNECT_LIMIT_MS),
    readTimeoutMs: limit(transport.readTimeoutMs, TIME_LIMIT_MS),
  };
}

class LookupTimedOut extends Error {}

async function withinTime<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LookupTimedOut('lookup timed out')), TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Error codes EC2 answers when the credentials may not do what was asked. */
const ACCESS_DENIED = new Set(['UnauthorizedOperation', 'AuthFailure', 'AccessDenied', 'AccessDeniedException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'RequestExpired']);

/** Why a lookup has nothing to offer, in a few words for the prompt's status line. */
export function whyNoValues(error: unknown): string {
  if (error instanceof NoCredentialsError) return 'no credentials';
  if (error instanceof ServiceError) return ACCESS_DENIED.has(error.code) ? `access denied (${error.code})` : `the endpoint answered ${error.code}`;
  if (error instanceof TransportError) {
    return error.message.startsWith('SSL validation failed') ? "the endpoint's certificate is not trusted" : 'endpoint unreachable';
  }
  if (error instanceof LookupTimedOut) return 'the endpoint did not answer in time';
  return 'the lookup failed';
}
