// What EC2's IPAM does with its resources: creating and deleting IPAMs and pools, provisioning
// CIDRs, allocating free space and releasing allocations, with EC2's checks and errors. Every
// function works on a State in memory and either changes it completely or throws.
import {
  type AddressFamily,
  addressBits,
  cidrContains,
  cidrIntersection,
  cidrRange,
  findFreeBlock,
  formatCidr,
  parseCidr,
  rangesOverlap,
  type Cidr,
  type Range,
} from './cidr';
import {
  allocationNotFound,
  dependencyViolation,
  invalidParameterCombination,
  invalidParameterValue,
  ipamNotFound,
  missingParameter,
  poolNotFound,
  scopeNotFound,
} from './errors';
import {
  newAllocationId,
  newIpamId,
  newPoolCidrId,
  newPoolId,
  newResourceDiscoveryAssociationId,
  newResourceDiscoveryId,
  newScopeId,
} from './ids';
import type { AllocationRecord, IpamRecord, PoolCidrRecord, PoolRecord, ScopeRecord, State, Tag } from './model';

export interface Caller {
  /** The Region of the request (from its SigV4 credential scope). */
  readonly region: string;
  readonly accountId: string;
  /** Called once every check has passed and just before the state changes (DryRun stops here). */
  readonly beforeChange: () => void;
}

// --- lookups -----------------------------------------------------------------------------------

export function findIpam(state: State, id: string): IpamRecord {
  const ipam = state.ipams.find((i) => i.id === id);
  if (!ipam) throw ipamNotFound(id);
  return ipam;
}

export function findScope(state: State, id: string): ScopeRecord {
  const scope = state.scopes.find((s) => s.id === id);
  if (!scope) throw scopeNotFound(id);
  return scope;
}

export function findPool(state: State, id: string): PoolRecord {
  const pool = state.pools.find((p) => p.id === id);
  if (!pool) throw poolNotFound(id);
  return pool;
}

export const poolCidrsOf = (state: State, poolId: string) => state.poolCidrs.filter((c) => c.poolId === poolId);
export const allocationsOf = (state: State, poolId: string) => state.allocations.filter((a) => a.poolId === poolId);

function parsed(text: string): Cidr {
  return parseCidr(text)!.cidr;
}

/** A CIDR from a request: valid, of the pool's family, and written as its network address. */
export function requestCidr(text: string, family?: AddressFamily, parameter = 'Cidr'): Cidr {
  const result = parseCidr(text.trim());
  if (!result) throw invalidParameterValue(`The CIDR '${text}' is invalid. Specify a CIDR such as 10.0.0.0/16 or 2001:db8::/56 for parameter ${parameter}.`);
  if (result.hostBitsSet) {
    throw invalidParameterValue(`The CIDR '${text}' is invalid: the address must be the first address of the block (${formatCidr(result.cidr)}).`);
  }
  if (family && result.cidr.family !== family) {
    throw invalidParameterValue(`The CIDR '${text}' is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} CIDR, the address family of the pool.`);
  }
  return result.cidr;
}

function checkRegionName(region: string, parameter: string): void {
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) throw invalidParameterValue(`The Region '${region}' for ${parameter} is not valid.`);
}

export function tagsFromSpecifications(specifications: unknown, resourceType: string): Tag[] {
  const tags: Tag[] = [];
  for (const spec of (specifications as Array<{ ResourceType?: string; Tags?: Array<{ Key?: string; Value?: string }> }>) ?? []) {
    if (spec.ResourceType !== resourceType) {
      throw invalidParameterValue(`'${spec.ResourceType ?? ''}' is not a valid taggable resource type for this operation.`);
    }
    for (const tag of spec.Tags ?? []) {
      if (tag.Key === undefined || tag.Key === '') throw missingParameter('TagSpecification.N.Tag.N.Key');
      tags.push({ key: tag.Key, value: tag.Value ?? '' });
    }
  }
  return tags;
}

// --- IPAMs -------------------------------------------------------------------------------------

export interface CreateIpamInput {
  description?: string;
  operatingRegions: string[];
  tags: Tag[];
  tier?: string;
  enablePrivateGua?: boolean;
  meteredAccount?: string;
}

export function createIpam(state: State, input: CreateIpamInput, caller: Caller): IpamRecord {
  const regions: string[] = [];
  for (const region of input.operatingRegions) {
    checkRegionName(region, 'OperatingRegion.N.RegionName');
    if (!regions.includes(region)) regions.push(region);
  }
  // EC2 always operates an IPAM in its home Region too
  if (!regions.includes(caller.region)) regions.push(caller.region);
  caller.beforeChange();
  const ipam: IpamRecord = {
    id: newIpamId(),
    ownerId: caller.accountId,
    region: caller.region,
    description: input.description,
    operatingRegions: regions,
    publicDefaultScopeId: newScopeId(),
    privateDefaultScopeId: newScopeId(),
    resourceDiscoveryId: newResourceDiscoveryId(),
    resourceDiscoveryAssociationId: newResourceDiscoveryAssociationId(),
    tier: input.tier ?? 'advanced',
    enablePrivateGua: input.enablePrivateGua ?? false,
    meteredAccount: input.meteredAccount ?? 'ipam-owner',
    tags: input.tags,
  };
  state.ipams.push(ipam);
  for (const [id, type] of [
    [ipam.privateDefaultScopeId, 'private'],
    [ipam.publicDefaultScopeId, 'public'],
  ] as const) {
    state.scopes.push({ id, ipamId: ipam.id, ownerId: caller.accountId, type, isDefault: true, tags: [] });
  }
  return ipam;
}

export function deleteIpam(state: State, id: string, cascade: boolean, caller: Caller): IpamRecord {
  const ipam = findIpam(state, id);
  const pools = state.pools.filter((p) => p.ipamId === id);
  if (pools.length > 0) {
    if (!cascade) throw dependencyViolation(id, 'There are one or more pools in the IPAM.');
    const publicScopes = new Set(state.scopes.filter((s) => s.ipamId === id && s.type === 'public').map((s) => s.id));
    if (pools.some((p) => publicScopes.has(p.scopeId))) {
      throw dependencyViolation(id, 'There are one or more pools in a public scope of the IPAM; delete them first.');
    }
  }
  caller.beforeChange();
  for (const pool of pools) removePoolRecords(state, pool.id);
  state.scopes = state.scopes.filter((s) => s.ipamId !== id);
  state.ipams = state.ipams.filter((i) => i.id !== id);
  return ipam;
}

// --- pools -------------------------------------------------------------------------------------

export interface CreatePoolInput {
  scopeId: string;
  addressFamily: AddressFamily;
  locale?: string;
  sourcePoolId?: string;
  description?: string;
  autoImport?: boolean;
  publiclyAdvertisable?: boolean;
  minNetmaskLength?: number;
  maxNetmaskLength?: number;
  defaultNetmaskLength?: number;
  allocationResourceTags: Tag[];
  tags: Tag[];
  awsService?: string;
  publicIpSource?: string;
}

export function createPool(state: State, input: CreatePoolInput, caller: Caller): PoolRecord {
  const scope = findScope(state, input.scopeId);
  const ipam = findIpam(state, scope.ipamId);
  const bits = addressBits(input.addressFamily);
  let locale = input.locale === undefined || input.locale === '' || input.locale === 'None' ? undefined : input.locale;
  if (locale !== undefined && !ipam.operatingRegions.includes(locale)) {
    throw invalidParameterValue(`The locale '${locale}' is not one of the operating Regions of ${ipam.id} (${ipam.operatingRegions.join(', ')}).`);
  }
  let depth = 1;
  if (input.sourcePoolId !== undefined && input.sourcePoolId !== '') {
    const source = findPool(state, input.sourcePoolId);
    if (source.scopeId !== scope.id) throw invalidParameterValue(`The source pool ${source.id} is not in scope ${scope.id}.`);
    if (source.addressFamily !== input.addressFamily) {
      throw invalidParameterValue(`The source pool ${source.id} has address family ${source.addressFamily}, not ${input.addressFamily}.`);
    }
    if (source.locale !== undefined) {
      if (locale !== undefined && locale !== source.locale) {
        throw invalidParameterValue(`The locale '${locale}' must match the locale of the source pool ${source.id} (${source.locale}).`);
      }
      locale = source.locale;
    }
    depth = source.depth + 1;
  }
  const min = input.minNetmaskLength ?? 0;
  const max = input.maxNetmaskLength ?? bits;
  for (const [name, value] of [
    ['AllocationMinNetmaskLength', min],
    ['AllocationMaxNetmaskLength', max],
    ['AllocationDefaultNetmaskLength', input.defaultNetmaskLength],
  ] as const) {
    if (value !== undefined && value > bits) {
      throw invalidParameterValue(`The ${name} ${value} is larger than ${bits}, the longest netmask of the ${input.addressFamily} address family.`);
    }
  }
  if (min > max) throw invalidParameterValue('The AllocationMinNetmaskLength must be less than or equal to the AllocationMaxNetmaskLength.');
  const def = input.defaultNetmaskLength;
  if (def !== undefined && (def < min || def > max)) {
    throw invalidParameterValue('The AllocationDefaultNetmaskLength must lie between the AllocationMinNetmaskLength and the AllocationMaxNetmaskLength.');
  }
  if (input.publiclyAdvertisable !== undefined && input.addressFamily !== 'ipv6') {
    throw invalidParameterCombination('The request can only contain PubliclyAdvertisable if the AddressFamily is IPv6 and PublicIpSource is byoip.');
  }
  caller.beforeChange();
  const pool: PoolRecord = {
    id: newPoolId(),
    ipamId: ipam.id,
    scopeId: scope.id,
    ownerId: caller.accountId,
    sourcePoolId: input.sourcePoolId || undefined,
    locale,
    depth,
    description: input.description,
    addressFamily: input.addressFamily,
    autoImport: input.autoImport ?? false,
    publiclyAdvertisable: input.publiclyAdvertisable,
    minNetmaskLength: min,
    maxNetmaskLength: max,
    defaultNetmaskLength: def,
    allocationResourceTags: input.allocationResourceTags,
    tags: input.tags,
    awsService: input.awsService,
    publicIpSource: input.publicIpSource,
  };
  state.pools.push(pool);
  return pool;
}

/** Removes a pool with its child pools, provisioned CIDRs and allocations (and its share of its source pool). */
function removePoolRecords(state: State, poolId: string): void {
  for (const child of state.pools.filter((p) => p.sourcePoolId === poolId)) removePoolRecords(state, child.id);
  state.allocations = state.allocations.filter(
    (a) => a.poolId !== poolId && !(a.resourceType === 'ipam-pool' && a.resourceId === poolId),
  );
  state.poolCidrs = state.poolCidrs.filter((c) => c.poolId !== poolId);
  state.pools = state.pools.filter((p) => p.id !== poolId);
}

export function deletePool(state: State, id: string, cascade: boolean, caller: Caller): PoolRecord {
  const pool = findPool(state, id);
  if (!cascade) {
    if (poolCidrsOf(state, id).length > 0) throw dependencyViolation(id, 'There are one or more pool cidrs provisioned in the pool.');
    if (state.pools.some((p) => p.sourcePoolId === id)) throw dependencyViolation(id, 'There are one or more pools sourced from the pool.');
  }
  caller.beforeChange();
  removePoolRecords(state, id);
  return pool;
}

// --- provisioned CIDRs and allocations -----------------------------------------------------------

function checkLocale(pool: PoolRecord, caller: Caller): void {
  if (pool.locale !== undefined && pool.locale !== caller.region) {
    throw invalidParameterValue(
      `The request Region (${caller.region}) does not match the locale (${pool.locale}) of IPAM pool ${pool.id}. Send the request to Region ${pool.locale}.`,
    );
  }
}

/** What a new block may not overlap: the pool's allocations plus any extra ranges. */
function occupiedRanges(state: State, poolId: string, extra: readonly Range[] = []): Range[] {
  return [...allocationsOf(state, poolId).map((a) => cidrRange(parsed(a.cidr))), ...extra];
}

function checkNetmaskRules(pool: PoolRecord, prefix: number): void {
  if (prefix < pool.minNetmaskLength) throw invalidParameterValue('The allocation size is too big for the pool.');
  if (prefix > pool.maxNetmaskLength) throw invalidParameterValue('The allocation size is too small for the pool.');
}

export interface AllocateRequest {
  cidr?: string;
  netmaskLength?: number;
  allowedCidrs?: string[];
  disallowedCidrs?: string[];
}

/** Picks the block an allocation request gets from `pool`, or throws why there is none. */
function chooseBlock(state: State, pool: PoolRecord, request: AllocateRequest): Cidr {
  const provisioned = poolCidrsOf(state, pool.id).map((c) => parsed(c.cidr));
  if (request.cidr !== undefined && request.netmaskLength !== undefined) {
    throw invalidParameterCombination('The request can only contain Cidr or NetmaskLength, not both.');
  }
  if (request.cidr !== undefined) {
    if ((request.allowedCidrs?.length ?? 0) > 0 || (request.disallowedCidrs?.length ?? 0) > 0) {
      throw invalidParameterCombination('AllowedCidrs and DisallowedCidrs can only be used with NetmaskLength.');
    }
    const cidr = requestCidr(request.cidr, pool.addressFamily);
    checkNetmaskRules(pool, cidr.prefix);
    if (!provisioned.some((p) => cidrContains(p, cidr))) {
      throw invalidParameterValue(`The CIDR ${formatCidr(cidr)} is not within the CIDRs provisioned to IPAM pool ${pool.id}.`);
    }
    const clash = allocationsOf(state, pool.id).find((a) => rangesOverlap(cidrRange(parsed(a.cidr)), cidrRange(cidr)));
    if (clash) {
      throw invalidParameterValue(`The CIDR ${formatCidr(cidr)} overlaps with CIDR ${clash.cidr} of allocation ${clash.id} in IPAM pool ${pool.id}.`);
    }
    return cidr;
  }
  const prefix = request.netmaskLength ?? pool.defaultNetmaskLength;
  if (prefix === undefined) {
    throw missingParameter('NetmaskLength (or Cidr; the pool has no AllocationDefaultNetmaskLength)');
  }
  if (prefix > addressBits(pool.addressFamily)) {
    throw invalidParameterValue(`The NetmaskLength ${prefix} is too long for the ${pool.addressFamily} address family.`);
  }
  checkNetmaskRules(pool, prefix);
  if (provisioned.length === 0) throw invalidParameterValue(`IPAM pool ${pool.id} has no provisioned CIDRs to allocate from.`);
  if (!provisioned.some((p) => p.prefix <= prefix)) throw invalidParameterValue('The allocation size is too big for the pool.');
  let areas = [...provisioned].sort((a, b) => (a.start < b.start ? -1 : 1));
  if ((request.allowedCidrs?.length ?? 0) > 0) {
    const allowed = request.allowedCidrs!.map((c) => requestCidr(c, pool.addressFamily, 'AllowedCidrs'));
    areas = areas.flatMap((area) => allowed.map((a) => cidrIntersection(area, a)).filter((c): c is Cidr => c !== undefined));
    areas.sort((a, b) => (a.start < b.start ? -1 : 1));
  }
  const disallowed = (request.disallowedCidrs ?? []).map((c) => cidrRange(requestCidr(c, pool.addressFamily, 'DisallowedCidrs')));
  const block = findFreeBlock(areas, occupiedRanges(state, pool.id, disallowed), prefix);
  if (!block) {
    throw invalidParameterValue(`There is not enough free space in IPAM pool ${pool.id} for a /${prefix} allocation.`);
  }
  return block;
}

export interface AllocateInput extends AllocateRequest {
  poolId: string;
  description?: string;
  previewNextCidr?: boolean;
}

/** AllocateIpamPoolCidr: a custom allocation (or, with PreviewNextCidr, just the block it would get). */
export function allocate(state: State, input: AllocateInput, caller: Caller): AllocationRecord | { cidr: string } {
  const pool = findPool(state, input.poolId);
  checkLocale(pool, caller);
  const block = chooseBlock(state, pool, input);
  caller.beforeChange();
  if (input.previewNextCidr) return { cidr: formatCidr(block) };
  const allocation: AllocationRecord = {
    id: newAllocationId(),
    poolId: pool.id,
    cidr: formatCidr(block),
    resourceType: 'custom',
    resourceOwner: caller.accountId,
    description: input.description,
  };
  state.allocations.push(allocation);
  return allocation;
}

export interface ReleaseInput {
  poolId: string;
  cidr: string;
  allocationId: string;
}

/** ReleaseIpamPoolAllocation: frees a custom allocation, after EC2's checks in EC2's order. */
export function release(state: State, input: ReleaseInput, caller: Caller): void {
  const cidr = requestCidr(input.cidr);
  const pool = findPool(state, input.poolId);
  checkLocale(pool, caller);
  const allocation = state.allocations.find((a) => a.id === input.allocationId && a.poolId === pool.id);
  if (!allocation) throw allocationNotFound(input.allocationId);
  if (allocation.cidr !== formatCidr(cidr)) {
    throw invalidParameterValue(
      `The CIDR ${input.cidr} does not match the CIDR of IPAM pool allocation ${allocation.id} (${allocation.cidr}).`,
    );
  }
  if (allocation.resourceType !== 'custom') {
    throw invalidParameterValue(
      `IPAM pool allocation ${allocation.id} is a ${allocation.resourceType} allocation; only custom allocations can be released.`,
    );
  }
  caller.beforeChange();
  state.allocations = state.allocations.filter((a) => a.id !== allocation.id);
}

export interface ProvisionInput {
  poolId: string;
  cidr?: string;
  netmaskLength?: number;
}

/** ProvisionIpamPoolCidr: adds space to a pool (taken from its source pool, for a child pool). */
export function provision(state: State, input: ProvisionInput, caller: Caller): PoolCidrRecord {
  const pool = findPool(state, input.poolId);
  if (input.cidr === undefined && input.netmaskLength === undefined) throw missingParameter('Cidr');
  let block: Cidr;
  let parentAllocation: AllocationRecord | undefined;
  if (pool.sourcePoolId !== undefined) {
    const source = findPool(state, pool.sourcePoolId);
    block = chooseBlock(state, source, { cidr: input.cidr, netmaskLength: input.netmaskLength });
    parentAllocation = {
      id: newAllocationId(),
      poolId: source.id,
      cidr: formatCidr(block),
      resourceType: 'ipam-pool',
      resourceId: pool.id,
      resourceRegion: findIpam(state, pool.ipamId).region,
      resourceOwner: caller.accountId,
    };
  } else {
    if (input.cidr === undefined) {
      throw invalidParameterCombination('NetmaskLength can only be used to provision CIDRs to pools that have a source pool; specify a Cidr.');
    }
    if (input.netmaskLength !== undefined) throw invalidParameterCombination('The request can only contain Cidr or NetmaskLength, not both.');
    block = requestCidr(input.cidr, pool.addressFamily);
    // top-level pools of one scope share the scope's address space, so their CIDRs may not overlap
    const scopePools = new Set(state.pools.filter((p) => p.scopeId === pool.scopeId && p.sourcePoolId === undefined).map((p) => p.id));
    const clash = state.poolCidrs.find((c) => scopePools.has(c.poolId) && rangesOverlap(cidrRange(parsed(c.cidr)), cidrRange(block)));
    if (clash) {
      throw invalidParameterValue(`The CIDR ${formatCidr(block)} overlaps with CIDR ${clash.cidr} provisioned to IPAM pool ${clash.poolId}.`);
    }
  }
  caller.beforeChange();
  if (parentAllocation) state.allocations.push(parentAllocation);
  const record: PoolCidrRecord = { id: newPoolCidrId(), poolId: pool.id, cidr: formatCidr(block) };
  state.poolCidrs.push(record);
  return record;
}

/** DeprovisionIpamPoolCidr: takes a CIDR back from a pool (refused while allocations use it). */
export function deprovision(state: State, input: { poolId: string; cidr: string }, caller: Caller): PoolCidrRecord {
  const pool = findPool(state, input.poolId);
  const cidr = requestCidr(input.cidr, pool.addressFamily);
  const record = poolCidrsOf(state, pool.id).find((c) => c.cidr === formatCidr(cidr));
  if (!record) throw invalidParameterValue(`The CIDR ${formatCidr(cidr)} is not provisioned to IPAM pool ${pool.id}.`);
  const inUse = allocationsOf(state, pool.id).some((a) => cidrContains(cidr, parsed(a.cidr)));
  if (inUse) throw invalidParameterValue(`The CIDR ${record.cidr} has one or more allocations.`);
  caller.beforeChange();
  state.poolCidrs = state.poolCidrs.filter((c) => c.id !== record.id);
  if (pool.sourcePoolId !== undefined) {
    // a child pool's space returns to its source pool
    state.allocations = state.allocations.filter(
      (a) => !(a.poolId === pool.sourcePoolId && a.resourceType === 'ipam-pool' && a.resourceId === pool.id && a.cidr === record.cidr),
    );
  }
  return record;
}
