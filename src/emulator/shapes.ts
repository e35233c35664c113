// Records → EC2's response shapes (element names are the service model's locationNames), and
// the values each resource offers to EC2 filters.
import type { AllocationRecord, IpamRecord, PoolCidrRecord, PoolRecord, ScopeRecord, State, Tag } from './model';
import { parseCidr } from './cidr';
import { type XmlElement, xmlList } from './xml';

export type Lifecycle = 'create-in-progress' | 'create-complete' | 'delete-in-progress';

const tagSet = (name: string, tags: readonly Tag[]): XmlElement | undefined =>
  tags.length > 0
    ? xmlList(
        name,
        tags.map((t) => [
          ['key', t.key],
          ['value', t.value],
        ]),
      )
    : undefined;

const present = (elements: Array<XmlElement | undefined>): XmlElement[] => elements.filter((e): e is XmlElement => e !== undefined);

export const ipamArn = (ipam: { ownerId: string; id: string }) => `arn:aws:ec2::${ipam.ownerId}:ipam/${ipam.id}`;
export const scopeArn = (scope: ScopeRecord) => `arn:aws:ec2::${scope.ownerId}:ipam-scope/${scope.id}`;
export const poolArn = (pool: PoolRecord) => `arn:aws:ec2::${pool.ownerId}:ipam-pool/${pool.id}`;

export function ipamShape(state: State, ipam: IpamRecord, lifecycle: Lifecycle): XmlElement[] {
  return present([
    ['ownerId', ipam.ownerId],
    ['ipamId', ipam.id],
    ['ipamArn', ipamArn(ipam)],
    ['ipamRegion', ipam.region],
    ['publicDefaultScopeId', ipam.publicDefaultScopeId],
    ['privateDefaultScopeId', ipam.privateDefaultScopeId],
    ['scopeCount', state.scopes.filter((s) => s.ipamId === ipam.id).length],
    ['description', ipam.description],
    xmlList(
      'operatingRegionSet',
      ipam.operatingRegions.map((r) => [['regionName', r]]),
    ),
    ['state', lifecycle],
    tagSet('tagSet', ipam.tags),
    ['defaultResourceDiscoveryId', ipam.resourceDiscoveryId],
    ['defaultResourceDiscoveryAssociationId', ipam.resourceDiscoveryAssociationId],
    ['resourceDiscoveryAssociationCount', 1],
    ['tier', ipam.tier],
    ['enablePrivateGua', ipam.enablePrivateGua],
    ['meteredAccount', ipam.meteredAccount],
  ]);
}

export function scopeShape(state: State, scope: ScopeRecord): XmlElement[] {
  const ipam = state.ipams.find((i) => i.id === scope.ipamId)!;
  return present([
    ['ownerId', scope.ownerId],
    ['ipamScopeId', scope.id],
    ['ipamScopeArn', scopeArn(scope)],
    ['ipamArn', ipamArn(ipam)],
    ['ipamRegion', ipam.region],
    ['ipamScopeType', scope.type],
    ['isDefault', scope.isDefault],
    ['description', scope.description],
    ['poolCount', state.pools.filter((p) => p.scopeId === scope.id).length],
    ['state', 'create-complete'],
    tagSet('tagSet', scope.tags),
  ]);
}

export function poolShape(state: State, pool: PoolRecord, lifecycle: Lifecycle): XmlElement[] {
  const ipam = state.ipams.find((i) => i.id === pool.ipamId)!;
  const scope = state.scopes.find((s) => s.id === pool.scopeId)!;
  return present([
    ['ownerId', pool.ownerId],
    ['ipamPoolId', pool.id],
    ['sourceIpamPoolId', pool.sourcePoolId],
    ['ipamPoolArn', poolArn(pool)],
    ['ipamScopeArn', scopeArn(scope)],
    ['ipamScopeType', scope.type],
    ['ipamArn', ipamArn(ipam)],
    ['ipamRegion', ipam.region],
    ['locale', pool.locale ?? 'None'],
    ['poolDepth', pool.depth],
    ['state', lifecycle],
    ['description', pool.description],
    ['autoImport', pool.autoImport],
    ['publiclyAdvertisable', pool.publiclyAdvertisable],
    ['addressFamily', pool.addressFamily],
    ['allocationMinNetmaskLength', pool.minNetmaskLength],
    ['allocationMaxNetmaskLength', pool.maxNetmaskLength],
    ['allocationDefaultNetmaskLength', pool.defaultNetmaskLength],
    tagSet('allocationResourceTagSet', pool.allocationResourceTags),
    tagSet('tagSet', pool.tags),
    ['awsService', pool.awsService],
    ['publicIpSource', pool.publicIpSource],
  ]);
}

export function poolCidrShape(record: PoolCidrRecord, state: 'pending-provision' | 'provisioned' | 'pending-deprovision'): XmlElement[] {
  return [
    ['cidr', record.cidr],
    ['state', state],
    ['ipamPoolCidrId', record.id],
    ['netmaskLength', parseCidr(record.cidr)!.cidr.prefix],
  ];
}

export function allocationShape(allocation: AllocationRecord): XmlElement[] {
  return present([
    ['cidr', allocation.cidr],
    ['ipamPoolAllocationId', allocation.id],
    ['description', allocation.description],
    ['resourceId', allocation.resourceId],
    ['resourceType', allocation.resourceType],
    ['resourceRegion', allocation.resourceRegion],
    ['resourceOwner', allocation.resourceOwner],
  ]);
}

// --- filters -------------------------------------------------------------------------------------

/** The EC2 filters a resource supports: each name's values for a record, and its tags if taggable. */
export interface FilterSet<T> {
  readonly byName: Readonly<Record<string, (record: T) => readonly string[]>>;
  readonly tags?: (record: T) => readonly Tag[];
}

/** A record's values for a filter name; undefined when the resource has no such filter. */
export function filterValues<T>(set: FilterSet<T>, record: T | undefined, name: string): readonly string[] | undefined {
  const byName = Object.hasOwn(set.byName, name) ? set.byName[name] : undefined;
  if (byName) return record === undefined ? [] : byName(record);
  if (!set.tags || !(name === 'tag-key' || name === 'tag-value' || name.startsWith('tag:'))) return undefined;
  if (record === undefined) return [];
  const tags = set.tags(record);
  if (name === 'tag-key') return tags.map((t) => t.key);
  if (name === 'tag-value') return tags.map((t) => t.value);
  return tags.filter((t) => t.key === name.slice(4)).map((t) => t.value);
}

const one = (value: string | number | boolean | undefined): readonly string[] => (value === undefined ? [] : [String(value)]);

export const ipamFilters = (state: State): FilterSet<IpamRecord> => ({
  byName: {
    'ipam-id': (i) => one(i.id),
    'ipam-arn': (i) => one(ipamArn(i)),
    'ipam-region': (i) => one(i.region),
    description: (i) => one(i.description),
    'owner-id': (i) => one(i.ownerId),
    'operating-region': (i) => i.operatingRegions,
    'operating-regions.region-name': (i) => i.operatingRegions,
    state: () => ['create-complete'],
    tier: (i) => one(i.tier),
    'scope-count': (i) => one(state.scopes.filter((s) => s.ipamId === i.id).length),
  },
  tags: (i) => i.tags,
});

export const scopeFilters = (state: State): FilterSet<ScopeRecord> => {
  const ipamOf = (scope: ScopeRecord) => state.ipams.find((i) => i.id === scope.ipamId)!;
  return {
    byName: {
      'ipam-scope-id': (s) => one(s.id),
      'ipam-scope-arn': (s) => one(scopeArn(s)),
      'ipam-arn': (s) => one(ipamArn(ipamOf(s))),
      'ipam-id': (s) => one(s.ipamId),
      'ipam-region': (s) => one(ipamOf(s).region),
      'ipam-scope-type': (s) => one(s.type),
      'is-default': (s) => one(s.isDefault),
      description: (s) => one(s.description),
      'owner-id': (s) => one(s.ownerId),
      state: () => ['create-complete'],
    },
    tags: (s) => s.tags,
  };
};

export const poolFilters = (state: State): FilterSet<PoolRecord> => {
  const ipamOf = (pool: PoolRecord) => state.ipams.find((i) => i.id === pool.ipamId)!;
  const scopeOf = (pool: PoolRecord) => state.scopes.find((s) => s.id === pool.scopeId)!;
  return {
    byName: {
      'ipam-pool-id': (p) => one(p.id),
      'ipam-pool-arn': (p) => one(poolArn(p)),
      'ipam-scope-id': (p) => one(p.scopeId),
      'ipam-scope-arn': (p) => one(scopeArn(scopeOf(p))),
      'ipam-scope-type': (p) => one(scopeOf(p).type),
      'ipam-arn': (p) => one(ipamArn(ipamOf(p))),
      'ipam-id': (p) => one(p.ipamId),
      'ipam-region': (p) => one(ipamOf(p).region),
      'source-ipam-pool-id': (p) => one(p.sourcePoolId),
      locale: (p) => one(p.locale ?? 'None'),
      'pool-depth': (p) => one(p.depth),
      'address-family': (p) => one(p.addressFamily),
      description: (p) => one(p.description),
      'owner-id': (p) => one(p.ownerId),
      state: () => ['create-complete'],
      'auto-import': (p) => one(p.autoImport),
      'publicly-advertisable': (p) => one(p.publiclyAdvertisable),
      'allocation-min-netmask-length': (p) => one(p.minNetmaskLength),
      'allocation-max-netmask-length': (p) => one(p.maxNetmaskLength),
      'allocation-default-netmask-length': (p) => one(p.defaultNetmaskLength),
      'aws-service': (p) => one(p.awsService),
    },
    tags: (p) => p.tags,
  };
};

export const poolCidrFilters: FilterSet<PoolCidrRecord> = {
  byName: {
    cidr: (c) => one(c.cidr),
    'ipam-pool-cidr-id': (c) => one(c.id),
    state: () => ['provisioned'],
    'netmask-length': (c) => one(parseCidr(c.cidr)!.cidr.prefix),
  },
};

export const allocationFilters: FilterSet<AllocationRecord> = {
  byName: {
    'ipam-pool-allocation-id': (a) => one(a.id),
    cidr: (a) => one(a.cidr),
    'resource-id': (a) => one(a.resourceId),
    'resource-type': (a) => one(a.resourceType),
    'resource-region': (a) => one(a.resourceRegion),
    'resource-owner': (a) => one(a.resourceOwner),
    description: (a) => one(a.description),
  },
};
