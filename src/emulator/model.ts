// The emulator's state: what EC2 keeps about IPAMs, scopes, pools, provisioned CIDRs and
// allocations, as plain JSON-serialisable records, plus the invariants a loaded state must hold.
import { type AddressFamily, cidrContains, cidrRange, formatCidr, parseCidr, rangesOverlap, type Cidr } from './cidr';

export const STATE_FORMAT = 'aws-ipam-emulator-state';
export const STATE_VERSION = 1;

export interface Tag {
  key: string;
  value: string;
}

export interface IpamRecord {
  id: string;
  ownerId: string;
  /** The IPAM's home Region: the Region of the request that created it. */
  region: string;
  description?: string;
  operatingRegions: string[];
  publicDefaultScopeId: string;
  privateDefaultScopeId: string;
  resourceDiscoveryId: string;
  resourceDiscoveryAssociationId: string;
  tier: string;
  enablePrivateGua: boolean;
  meteredAccount: string;
  tags: Tag[];
}

export interface ScopeRecord {
  id: string;
  ipamId: string;
  ownerId: string;
  type: 'public' | 'private';
  isDefault: boolean;
  description?: string;
  tags: Tag[];
}

export interface PoolRecord {
  id: string;
  ipamId: string;
  scopeId: string;
  ownerId: string;
  sourcePoolId?: string;
  /** The Region allocations must be made from; undefined is EC2's "None" (any). */
  locale?: string;
  depth: number;
  description?: string;
  addressFamily: AddressFamily;
  autoImport: boolean;
  publiclyAdvertisable?: boolean;
  minNetmaskLength: number;
  maxNetmaskLength: number;
  defaultNetmaskLength?: number;
  allocationResourceTags: Tag[];
  tags: Tag[];
  awsService?: string;
  publicIpSource?: string;
}

export interface PoolCidrRecord {
  id: string;
  poolId: string;
  cidr: string;
}

export interface AllocationRecord {
  id: string;
  poolId: string;
  cidr: string;
  /** `custom` for manual allocations, `ipam-pool` for space given to a child pool. */
  resourceType: string;
  resourceId?: string;
  resourceRegion?: string;
  resourceOwner: string;
  description?: string;
}

/** An answer remembered for a ClientToken, so a retried request gets the same answer. */
export interface TokenRecord {
  token: string;
  action: string;
  fingerprint: string;
  /** The response body without its requestId, as JSON-encoded XML elements. */
  body: string;
}

export interface State {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  ipams: IpamRecord[];
  scopes: ScopeRecord[];
  pools: PoolRecord[];
  poolCidrs: PoolCidrRecord[];
  allocations: AllocationRecord[];
  clientTokens: TokenRecord[];
}

export function emptyState(): State {
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    ipams: [],
    scopes: [],
    pools: [],
    poolCidrs: [],
    allocations: [],
    clientTokens: [],
  };
}

/** How many ClientToken answers to remember (EC2 keeps them for a while; we keep the newest). */
export const CLIENT_TOKEN_LIMIT = 100;

/**
 * Every way `state` can be inconsistent, as sentences (empty when it is consistent): dangling
 * references, duplicate ids, malformed CIDRs, allocations outside their pool's provisioned space
 * or overlapping each other, overlapping provisioned CIDRs.
 */
export function consistencyProblems(state: State): string[] {
  const problems: string[] = [];
  const unique = (kind: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id ${id}`);
      seen.add(id);
    }
    return seen;
  };
  const ipamIds = unique('ipam', state.ipams.map((i) => i.id));
  const scopeIds = unique('scope', state.scopes.map((s) => s.id));
  const pools = new Map(state.pools.map((p) => [p.id, p]));
  unique('pool', state.pools.map((p) => p.id));
  unique('pool CIDR', state.poolCidrs.map((c) => c.id));
  unique('allocation', state.allocations.map((a) => a.id));

  for (const ipam of state.ipams) {
    for (const scopeId of [ipam.publicDefaultScopeId, ipam.privateDefaultScopeId]) {
      if (!scopeIds.has(scopeId)) problems.push(`ipam ${ipam.id} refers to missing scope ${scopeId}`);
    }
  }
  for (const scope of state.scopes) {
    if (!ipamIds.has(scope.ipamId)) problems.push(`scope ${scope.id} refers to missing ipam ${scope.ipamId}`);
  }
  for (const pool of state.pools) {
    if (!ipamIds.has(pool.ipamId)) problems.push(`pool ${pool.id} refers to missing ipam ${pool.ipamId}`);
    if (!scopeIds.has(pool.scopeId)) problems.push(`pool ${pool.id} refers to missing scope ${pool.scopeId}`);
    if (pool.sourcePoolId !== undefined && !pools.has(pool.sourcePoolId)) {
      problems.push(`pool ${pool.id} refers to missing source pool ${pool.sourcePoolId}`);
    }
  }

  const cidrsOf = (records: ReadonlyArray<{ id: string; poolId: string; cidr: string }>, kind: string) => {
    const byPool = new Map<string, Array<{ id: string; cidr: Cidr }>>();
    for (const record of records) {
      const pool = pools.get(record.poolId);
      if (!pool) {
        problems.push(`${kind} ${record.id} refers to missing pool ${record.poolId}`);
        continue;
      }
      const parsed = parseCidr(record.cidr);
      if (!parsed || parsed.hostBitsSet || formatCidr(parsed.cidr) !== record.cidr || parsed.cidr.family !== pool.addressFamily) {
        problems.push(`${kind} ${record.id} has an invalid CIDR ${record.cidr}`);
        continue;
      }
      const list = byPool.get(record.poolId) ?? [];
      list.push({ id: record.id, cidr: parsed.cidr });
      byPool.set(record.poolId, list);
    }
    for (const list of byPool.values()) {
      const sorted = [...list].sort((a, b) => (a.cidr.start < b.cidr.start ? -1 : a.cidr.start > b.cidr.start ? 1 : 0));
      for (let i = 1; i < sorted.length; i++) {
        if (rangesOverlap(cidrRange(sorted[i - 1]!.cidr), cidrRange(sorted[i]!.cidr))) {
          problems.push(`${kind}s ${sorted[i - 1]!.id} and ${sorted[i]!.id} overlap`);
        }
      }
    }
    return byPool;
  };
  const provisioned = cidrsOf(state.poolCidrs, 'pool CIDR');
  const allocated = cidrsOf(state.allocations, 'allocation');
  for (const [poolId, list] of allocated) {
    const space = provisioned.get(poolId) ?? [];
    for (const allocation of list) {
      if (!space.some((p) => cidrContains(p.cidr, allocation.cidr))) {
        problems.push(`allocation ${allocation.id} lies outside the CIDRs provisioned to pool ${poolId}`);
      }
    }
  }
  for (const record of state.poolCidrs) {
    const pool = pools.get(record.poolId);
    if (pool?.sourcePoolId === undefined) continue;
    const backed = state.allocations.some(
      (a) => a.poolId === pool.sourcePoolId && a.resourceType === 'ipam-pool' && a.resourceId === pool.id && a.cidr === record.cidr,
    );
    if (!backed) problems.push(`pool CIDR ${record.id} of pool ${pool.id} has no allocation in source pool ${pool.sourcePoolId}`);
  }
  return problems;
}

// --- shape of a state file -----------------------------------------------------------------------

type FieldType = 'string' | 'number' | 'boolean' | 'tags' | 'strings';
const OPTIONAL = '?';

const RECORD_FIELDS: Record<string, Record<string, string>> = {
  ipams: {
    id: 'string', ownerId: 'string', region: 'string', description: 'string?', operatingRegions: 'strings',
    publicDefaultScopeId: 'string', privateDefaultScopeId: 'string', resourceDiscoveryId: 'string',
    resourceDiscoveryAssociationId: 'string', tier: 'string', enablePrivateGua: 'boolean', meteredAccount: 'string', tags: 'tags',
  },
  scopes: { id: 'string', ipamId: 'string', ownerId: 'string', type: 'string', isDefault: 'boolean', description: 'string?', tags: 'tags' },
  pools: {
    id: 'string', ipamId: 'string', scopeId: 'string', ownerId: 'string', sourcePoolId: 'string?', locale: 'string?',
    depth: 'number', description: 'string?', addressFamily: 'string', autoImport: 'boolean', publiclyAdvertisable: 'boolean?',
    minNetmaskLength: 'number', maxNetmaskLength: 'number', defaultNetmaskLength: 'number?', allocationResourceTags: 'tags',
    tags: 'tags', awsService: 'string?', publicIpSource: 'string?',
  },
  poolCidrs: { id: 'string', poolId: 'string', cidr: 'string' },
  allocations: {
    id: 'string', poolId: 'string', cidr: 'string', resourceType: 'string', resourceId: 'string?', resourceRegion: 'string?',
    resourceOwner: 'string', description: 'string?',
  },
  clientTokens: { token: 'string', action: 'string', fingerprint: 'string', body: 'string' },
};

function fieldMatches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'tags':
      return (
        Array.isArray(value) &&
        value.every((t) => typeof t === 'object' && t !== null && typeof t.key === 'string' && typeof t.value === 'string')
      );
    default:
      return typeof value === type;
  }
}

/** Why `value` (parsed JSON) is not a state this version can use; empty when it is one. */
export function shapeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['it is not a JSON object'];
  const object = value as Record<string, unknown>;
  if (object.format !== STATE_FORMAT) return [`it has no "format": "${STATE_FORMAT}" marker`];
  if (object.version !== STATE_VERSION) return [`it has state version ${JSON.stringify(object.version)}, this emulator reads version ${STATE_VERSION}`];
  const problems: string[] = [];
  for (const [collection, fields] of Object.entries(RECORD_FIELDS)) {
    const records = object[collection];
    if (!Array.isArray(records)) {
      problems.push(`"${collection}" is not a list`);
      continue;
    }
    records.forEach((record: unknown, index) => {
      if (typeof record !== 'object' || record === null) {
        problems.push(`${collection}[${index}] is not an object`);
        return;
      }
      for (const [field, spec] of Object.entries(fields)) {
        const optional = spec.endsWith(OPTIONAL);
        const type = (optional ? spec.slice(0, -1) : spec) as FieldType;
        const fieldValue = (record as Record<string, unknown>)[field];
        if (fieldValue === undefined && optional) continue;
        if (!fieldMatches(fieldValue, type)) problems.push(`${collection}[${index}].${field} is missing or not a ${type}`);
      }
    });
  }
  return problems;
}
