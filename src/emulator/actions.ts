// The EC2 actions the emulator serves: each one's request members (EC2's serialized names, from
// the service model), whether it changes state, and how its answer is built.
import {
  allocationNotFound,
  invalidFilter,
  invalidPaginationToken,
  invalidParameterValue,
  ipamNotFound,
  missingParameter,
  poolNotFound,
  scopeNotFound,
} from './errors';
import {
  allocate,
  createIpam,
  createPool,
  deleteIpam,
  deletePool,
  deprovision,
  findIpam,
  findPool,
  provision,
  release,
  tagsFromSpecifications,
  type Caller,
} from './ipam';
import type { State } from './model';
import { bool, int, listOf, oneOf, str, structure, type StructureSchema } from './query';
import {
  allocationFilters,
  allocationShape,
  ipamFilters,
  ipamShape,
  poolCidrFilters,
  poolCidrShape,
  poolFilters,
  poolShape,
  scopeFilters,
  scopeShape,
  filterValues,
  type FilterSet,
} from './shapes';
import { type XmlElement, xmlList } from './xml';
import type { AddressFamily } from './cidr';

export interface ActionDefinition {
  readonly schema: StructureSchema;
  /** Whether the action changes state (it then runs on a copy that replaces the state on success). */
  readonly mutates: boolean;
  readonly run: (state: State, input: Input, caller: Caller) => XmlElement[];
}

type Input = Record<string, unknown>;
interface Filter {
  Name?: string;
  Values?: string[];
}

const tagList = listOf(structure({ Key: ['Key', str], Value: ['Value', str] }));
const tagSpecifications = ['TagSpecification', listOf(structure({ ResourceType: ['ResourceType', str], Tags: ['Tag', tagList] }))] as const;
const filters = ['Filter', listOf(structure({ Name: ['Name', str], Values: ['Value', listOf(str)] }))] as const;
const dryRun = ['DryRun', bool] as const;
const netmask = int(0, 128);

// --- filtering and paging --------------------------------------------------------------------

function wildcardPattern(value: string): RegExp {
  let pattern = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) pattern += value[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') pattern += '.*';
    else if (c === '?') pattern += '.';
    else pattern += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`, 's');
}

function applyFilters<T>(records: readonly T[], given: unknown, set: FilterSet<T>): T[] {
  const list = (given as Filter[] | undefined) ?? [];
  const compiled = list.map((filter, index) => {
    if (!filter.Name) throw missingParameter(`Filter.${index + 1}.Name`);
    if (filterValues(set, undefined, filter.Name) === undefined) throw invalidFilter(filter.Name);
    return { name: filter.Name, patterns: (filter.Values ?? []).map(wildcardPattern) };
  });
  return records.filter((record) =>
    compiled.every((filter) => {
      const recordValues = filterValues(set, record, filter.name) ?? [];
      return filter.patterns.some((p) => recordValues.some((v) => p.test(v)));
    }),
  );
}

function paginate<T>(records: readonly T[], maxResults: unknown, nextToken: unknown): { page: T[]; next?: string } {
  let offset = 0;
  if (typeof nextToken === 'string' && nextToken !== '') {
    const decoded = /^ipam-emulator-page-(\d{1,9})$/.exec(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!decoded) throw invalidPaginationToken(nextToken);
    offset = Number(decoded[1]);
  }
  const size = typeof maxResults === 'number' ? maxResults : 1000;
  const page = records.slice(offset, offset + size);
  const end = offset + page.length;
  return { page, next: end < records.length ? Buffer.from(`ipam-emulator-page-${end}`).toString('base64url') : undefined };
}

function byIds<T extends { id: string }>(records: readonly T[], ids: unknown, notFound: (id: string) => Error): T[] {
  const wanted = (ids as string[] | undefined) ?? [];
  if (wanted.length === 0) return [...records];
  for (const id of wanted) if (!records.some((r) => r.id === id)) throw notFound(id);
  return records.filter((r) => wanted.includes(r.id));
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);
const optionalNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);
const optionalBoolean = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

function listResult(name: string, items: XmlElement[][], next: string | undefined, nextFirst = false): XmlElement[] {
  const token: XmlElement = ['nextToken', next];
  return nextFirst ? [token, xmlList(name, items)] : [xmlList(name, items), token];
}

/**
 * A Describe* action: the records named by an id list (all when none), narrowed by filters, one
 * page of them in a `<…Set>` behind the `nextToken`, as EC2's Describe actions answer.
 */
function describeAction<T extends { id: string }>(spec: {
  idsMember: string;
  idsWire: string;
  setName: string;
  records: (state: State) => readonly T[];
  notFound: (id: string) => Error;
  filters: (state: State) => FilterSet<T>;
  shape: (state: State, record: T) => XmlElement[];
}): ActionDefinition {
  return {
    mutates: false,
    schema: structure({
      DryRun: dryRun,
      Filters: filters,
      MaxResults: ['MaxResults', int(5, 1000)],
      NextToken: ['NextToken', str],
      [spec.idsMember]: [spec.idsWire, listOf(str)],
    }),
    run(state, input, caller) {
      const selected = applyFilters(byIds(spec.records(state), input[spec.idsMember], spec.notFound), input.Filters, spec.filters(state));
      caller.beforeChange();
      const { page, next } = paginate(selected, input.MaxResults, input.NextToken);
      return listResult(spec.setName, page.map((record) => spec.shape(state, record)), next, true);
    },
  };
}

// --- the actions ---------------------------------------------------------------------------------

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  CreateIpam: {
    mutates: true,
    schema: structure({
      DryRun: dryRun,
      Description: ['Description', str],
      OperatingRegions: ['OperatingRegion', listOf(structure({ RegionName: ['RegionName', str] }, ['RegionName']))],
      TagSpecifications: tagSpecifications,
      ClientToken: ['ClientToken', str],
      Tier: ['Tier', oneOf('free', 'advanced')],
      EnablePrivateGua: ['EnablePrivateGua', bool],
      MeteredAccount: ['MeteredAccount', oneOf('ipam-owner', 'resource-owner')],
    }),
    run(state, input, caller) {
      const ipam = createIpam(
        state,
        {
          description: optionalString(input.Description),
          operatingRegions: ((input.OperatingRegions as Array<{ RegionName: string }>) ?? []).map((r) => r.RegionName),
          tags: tagsFromSpecifications(input.TagSpecifications, 'ipam'),
          tier: optionalString(input.Tier),
          enablePrivateGua: optionalBoolean(input.EnablePrivateGua),
          meteredAccount: optionalString(input.MeteredAccount),
        },
        caller,
      );
      return [['ipam', ipamShape(state, ipam, 'create-in-progress')]];
    },
  },

  DescribeIpams: describeAction({
    idsMember: 'IpamIds',
    idsWire: 'IpamId',
    setName: 'ipamSet',
    records: (state) => state.ipams,
    notFound: ipamNotFound,
    filters: ipamFilters,
    shape: (state, ipam) => ipamShape(state, ipam, 'create-complete'),
  }),

  DeleteIpam: {
    mutates: true,
    schema: structure({ DryRun: dryRun, IpamId: ['IpamId', str], Cascade: ['Cascade', bool] }, ['IpamId']),
    run(state, input, caller) {
      const shape = ipamShape(state, findIpam(state, input.IpamId as string), 'delete-in-progress');
      deleteIpam(state, input.IpamId as string, input.Cascade === true, caller);
      return [['ipam', shape]];
    },
  },

  DescribeIpamScopes: describeAction({
    idsMember: 'IpamScopeIds',
    idsWire: 'IpamScopeId',
    setName: 'ipamScopeSet',
    records: (state) => state.scopes,
    notFound: scopeNotFound,
    filters: scopeFilters,
    shape: scopeShape,
  }),

  CreateIpamPool: {
    mutates: true,
    schema: structure(
      {
        DryRun: dryRun,
        IpamScopeId: ['IpamScopeId', str],
        Locale: ['Locale', str],
        SourceIpamPoolId: ['SourceIpamPoolId', str],
        Description: ['Description', str],
        AddressFamily: ['AddressFamily', oneOf('ipv4', 'ipv6')],
        AutoImport: ['AutoImport', bool],
        PubliclyAdvertisable: ['PubliclyAdvertisable', bool],
        AllocationMinNetmaskLength: ['AllocationMinNetmaskLength', netmask],
        AllocationMaxNetmaskLength: ['AllocationMaxNetmaskLength', netmask],
        AllocationDefaultNetmaskLength: ['AllocationDefaultNetmaskLength', netmask],
        AllocationResourceTags: ['AllocationResourceTag', tagList],
        TagSpecifications: tagSpecifications,
        ClientToken: ['ClientToken', str],
        AwsService: ['AwsService', oneOf('ec2', 'global-services')],
        PublicIpSource: ['PublicIpSource', oneOf('amazon', 'byoip')],
        SourceResource: [
          'SourceResource',
          structure({
            ResourceId: ['ResourceId', str],
            ResourceType: ['ResourceType', str],
            ResourceRegion: ['ResourceRegion', str],
            ResourceOwner: ['ResourceOwner', str],
          }),
        ],
      },
      ['IpamScopeId', 'AddressFamily'],
    ),
    run(state, input, caller) {
      if (input.SourceResource !== undefined) {
        throw invalidParameterValue('SourceResource (resource planning pools) is not supported by aws-ipam-emulator.');
      }
      const pool = createPool(
        state,
        {
          scopeId: input.IpamScopeId as string,
          addressFamily: input.AddressFamily as AddressFamily,
          locale: optionalString(input.Locale),
          sourcePoolId: optionalString(input.SourceIpamPoolId),
          description: optionalString(input.Description),
          autoImport: optionalBoolean(input.AutoImport),
          publiclyAdvertisable: optionalBoolean(input.PubliclyAdvertisable),
          minNetmaskLength: optionalNumber(input.AllocationMinNetmaskLength),
          maxNetmaskLength: optionalNumber(input.AllocationMaxNetmaskLength),
          defaultNetmaskLength: optionalNumber(input.AllocationDefaultNetmaskLength),
          allocationResourceTags: ((input.AllocationResourceTags as Array<{ Key?: string; Value?: string }>) ?? []).map((t) => ({
            key: t.Key ?? '',
            value: t.Value ?? '',
          })),
          tags: tagsFromSpecifications(input.TagSpecifications, 'ipam-pool'),
          awsService: optionalString(input.AwsService),
          publicIpSource: optionalString(input.PublicIpSource),
        },
        caller,
      );
      return [['ipamPool', poolShape(state, pool, 'create-in-progress')]];
    },
  },

  DescribeIpamPools: describeAction({
    idsMember: 'IpamPoolIds',
    idsWire: 'IpamPoolId',
    setName: 'ipamPoolSet',
    records: (state) => state.pools,
    notFound: poolNotFound,
    filters: poolFilters,
    shape: (state, pool) => poolShape(state, pool, 'create-complete'),
  }),

  DeleteIpamPool: {
    mutates: true,
    schema: structure({ DryRun: dryRun, IpamPoolId: ['IpamPoolId', str], Cascade: ['Cascade', bool] }, ['IpamPoolId']),
    run(state, input, caller) {
      const shape = poolShape(state, findPool(state, input.IpamPoolId as string), 'delete-in-progress');
      deletePool(state, input.IpamPoolId as string, input.Cascade === true, caller);
      return [['ipamPool', shape]];
    },
  },

  ProvisionIpamPoolCidr: {
    mutates: true,
    schema: structure(
      {
        DryRun: dryRun,
        IpamPoolId: ['IpamPoolId', str],
        Cidr: ['Cidr', str],
        CidrAuthorizationContext: ['CidrAuthorizationContext', structure({ Message: ['Message', str], Signature: ['Signature', str] })],
        NetmaskLength: ['NetmaskLength', int()],
        ClientToken: ['ClientToken', str],
        VerificationMethod: ['VerificationMethod', oneOf('remarks-x509', 'dns-token')],
        IpamExternalResourceVerificationTokenId: ['IpamExternalResourceVerificationTokenId', str],
      },
      ['IpamPoolId'],
    ),
    run(state, input, caller) {
      const record = provision(
        state,
        { poolId: input.IpamPoolId as string, cidr: optionalString(input.Cidr), netmaskLength: optionalNumber(input.NetmaskLength) },
        caller,
      );
      return [['ipamPoolCidr', poolCidrShape(record, 'pending-provision')]];
    },
  },

  DeprovisionIpamPoolCidr: {
    mutates: true,
    schema: structure({ DryRun: dryRun, IpamPoolId: ['IpamPoolId', str], Cidr: ['Cidr', str] }, ['IpamPoolId', 'Cidr']),
    run(state, input, caller) {
      const record = deprovision(state, { poolId: input.IpamPoolId as string, cidr: input.Cidr as string }, caller);
      return [['ipamPoolCidr', poolCidrShape(record, 'pending-deprovision')]];
    },
  },

  GetIpamPoolCidrs: {
    mutates: false,
    schema: structure(
      {
        DryRun: dryRun,
        IpamPoolId: ['IpamPoolId', str],
        Filters: filters,
        MaxResults: ['MaxResults', int(5, 1000)],
        NextToken: ['NextToken', str],
      },
      ['IpamPoolId'],
    ),
    run(state, input, caller) {
      const pool = findPool(state, input.IpamPoolId as string);
      const selected = applyFilters(
        state.poolCidrs.filter((c) => c.poolId === pool.id),
        input.Filters,
        poolCidrFilters,
      );
      caller.beforeChange();
      const { page, next } = paginate(selected, input.MaxResults, input.NextToken);
      return listResult('ipamPoolCidrSet', page.map((c) => poolCidrShape(c, 'provisioned')), next);
    },
  },

  AllocateIpamPoolCidr: {
    mutates: true,
    schema: structure(
      {
        DryRun: dryRun,
        IpamPoolId: ['IpamPoolId', str],
        Cidr: ['Cidr', str],
        NetmaskLength: ['NetmaskLength', int()],
        ClientToken: ['ClientToken', str],
        Description: ['Description', str],
        PreviewNextCidr: ['PreviewNextCidr', bool],
        AllowedCidrs: ['AllowedCidr', listOf(str)],
        DisallowedCidrs: ['DisallowedCidr', listOf(str)],
      },
      ['IpamPoolId'],
    ),
    run(state, input, caller) {
      const result = allocate(
        state,
        {
          poolId: input.IpamPoolId as string,
          cidr: optionalString(input.Cidr),
          netmaskLength: optionalNumber(input.NetmaskLength),
          allowedCidrs: input.AllowedCidrs as string[] | undefined,
          disallowedCidrs: input.DisallowedCidrs as string[] | undefined,
          description: optionalString(input.Description),
          previewNextCidr: input.PreviewNextCidr === true,
        },
        caller,
      );
      return [['ipamPoolAllocation', 'id' in result ? allocationShape(result) : [['cidr', result.cidr]]]];
    },
  },

  GetIpamPoolAllocations: {
    mutates: false,
    schema: structure(
      {
        DryRun: dryRun,
        IpamPoolId: ['IpamPoolId', str],
        IpamPoolAllocationId: ['IpamPoolAllocationId', str],
        Filters: filters,
        MaxResults: ['MaxResults', int(1000, 100000)],
        NextToken: ['NextToken', str],
      },
      ['IpamPoolId'],
    ),
    run(state, input, caller) {
      const pool = findPool(state, input.IpamPoolId as string);
      let allocations = state.allocations.filter((a) => a.poolId === pool.id);
      const wanted = optionalString(input.IpamPoolAllocationId);
      if (wanted !== undefined && wanted !== '') {
        allocations = allocations.filter((a) => a.id === wanted);
        if (allocations.length === 0) throw allocationNotFound(wanted);
      }
      const selected = applyFilters(allocations, input.Filters, allocationFilters);
      caller.beforeChange();
      const { page, next } = paginate(selected, input.MaxResults, input.NextToken);
      return listResult('ipamPoolAllocationSet', page.map(allocationShape), next);
    },
  },

  ReleaseIpamPoolAllocation: {
    mutates: true,
    schema: structure(
      {
        DryRun: dryRun,
        IpamPoolId: ['IpamPoolId', str],
        Cidr: ['Cidr', str],
        IpamPoolAllocationId: ['IpamPoolAllocationId', str],
      },
      ['IpamPoolId', 'Cidr', 'IpamPoolAllocationId'],
    ),
    run(state, input, caller) {
      release(
        state,
        { poolId: input.IpamPoolId as string, cidr: input.Cidr as string, allocationId: input.IpamPoolAllocationId as string },
        caller,
      );
      return [['success', true]];
    },
  },
};

/** The resource an action acts on, for UnauthorizedOperation messages. */
export function actionResourceArn(action: string, input: Input, region: string, accountId: string): string {
  const id =
    optionalString(input.IpamPoolId) ?? optionalString(input.IpamId) ?? optionalString(input.IpamScopeId);
  const type = input.IpamPoolId ? 'ipam-pool' : input.IpamId ? 'ipam' : input.IpamScopeId ? 'ipam-scope' : undefined;
  if (id && type) return `arn:aws:ec2::${accountId}:${type}/${id}`;
  return action.startsWith('Describe') ? '*' : `arn:aws:ec2:${region}:${accountId}:*`;
}
