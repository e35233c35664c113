// Live values for the prompt: the IPAM pools (DescribeIpamPools) and the allocations of the
// chosen pool (GetIpamPoolAllocations), asked of the endpoint the command would call. A lookup
// that cannot be made — no Region, no credentials, no answer in time — yields nothing and
// says nothing: the prompt works the same without it. Loaded (with the SDK) only on first use.
import { DescribeIpamPoolsCommand, EC2Client, GetIpamPoolAllocationsCommand } from '@aws-sdk/client-ec2';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export interface LookupSettings {
  readonly region: string;
  readonly endpointUrl?: string;
  readonly profile?: string;
  readonly signRequest: boolean;
}

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

/** At most this many pages per lookup, and this long for all of them. */
const MAX_PAGES = 5;
const TIME_LIMIT_MS = 4000;

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

function client(settings: LookupSettings): EC2Client {
  return new EC2Client({
    region: settings.region,
    endpoint: settings.endpointUrl,
    credentials: settings.signRequest
      ? fromNodeProviderChain(settings.profile ? { profile: settings.profile } : {})
      : { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' },
    maxAttempts: 1,
    logger: silentLogger,
    requestHandler: { connectionTimeout: 1500, requestTimeout: TIME_LIMIT_MS },
  });
}

async function withinTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('lookup timed out')), TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function listPools(settings: LookupSettings): Promise<PoolInfo[]> {
  const ec2 = client(settings);
  try {
    return await withinTime(
      (async () => {
        const pools: PoolInfo[] = [];
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const out = await ec2.send(new DescribeIpamPoolsCommand({ NextToken: token }));
          for (const p of out.IpamPools ?? []) {
            if (p.IpamPoolId) pools.push({ id: p.IpamPoolId, description: p.Description, locale: p.Locale, state: p.State });
          }
          token = out.NextToken;
          if (!token) break;
        }
        return pools;
      })(),
    );
  } finally {
    ec2.destroy();
  }
}

export async function listAllocations(settings: LookupSettings, poolId: string): Promise<AllocationInfo[]> {
  const ec2 = client(settings);
  try {
    return await withinTime(
      (async () => {
        const allocations: AllocationInfo[] = [];
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const out = await ec2.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, NextToken: token }));
          for (const a of out.IpamPoolAllocations ?? []) {
            if (a.IpamPoolAllocationId) {
              allocations.push({ id: a.IpamPoolAllocationId, cidr: a.Cidr, resourceType: a.ResourceType });
            }
          }
          token = out.NextToken;
          if (!token) break;
        }
        return allocations;
      })(),
    );
  } finally {
    ec2.destroy();
  }
}
