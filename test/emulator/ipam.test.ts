// The IPAM model through @aws-sdk/client-ec2: EC2's ids, fields and errors for IPAMs, pools,
// provisioned CIDRs, allocations and releases, and real state behind them.
import {
  AllocateIpamPoolCidrCommand,
  CreateIpamCommand,
  CreateIpamPoolCommand,
  DeleteIpamCommand,
  DeleteIpamPoolCommand,
  DeprovisionIpamPoolCidrCommand,
  DescribeIpamPoolsCommand,
  DescribeIpamScopesCommand,
  DescribeIpamsCommand,
  type EC2Client,
  GetIpamPoolAllocationsCommand,
  GetIpamPoolCidrsCommand,
  ProvisionIpamPoolCidrCommand,
  ReleaseIpamPoolAllocationCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consistencyProblems, type RunningEmulator } from '../../src/emulator/index';
import { DENIED_KEY, ec2Client, poolWithCidr, startTestEmulator } from './support';

let emulator: RunningEmulator;
let ec2: EC2Client;

beforeAll(async () => {
  emulator = await startTestEmulator({ onInternalError: (e) => expect.fail(String(e)) });
  ec2 = await ec2Client(emulator.url);
});
afterAll(async () => {
  ec2.destroy();
  await emulator.stop();
});

/** The EC2 error a call fails with, as [code, message, HTTP status]. */
async function failure(promise: Promise<unknown>): Promise<[string, string, number | undefined]> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return [e.name, e.message, e.$metadata?.httpStatusCode];
  }
  throw new Error('the call succeeded');
}

async function allocations(poolId: string) {
  return (await ec2.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId }))).IpamPoolAllocations ?? [];
}

describe('IPAMs and scopes', () => {
  it('CreateIpam makes an IPAM with EC2 ids, default scopes and its home Region among the operating Regions', async () => {
    const { Ipam } = await ec2.send(
      new CreateIpamCommand({
        Description: 'test ipam',
        OperatingRegions: [{ RegionName: 'eu-west-1' }],
        TagSpecifications: [{ ResourceType: 'ipam', Tags: [{ Key: 'Name', Value: 'lab' }] }],
      }),
    );
    expect(Ipam).toMatchObject({
      OwnerId: '123456789012',
      IpamRegion: 'us-east-1',
      ScopeCount: 2,
      Description: 'test ipam',
      OperatingRegions: [{ RegionName: 'eu-west-1' }, { RegionName: 'us-east-1' }],
      State: 'create-in-progress',
      Tags: [{ Key: 'Name', Value: 'lab' }],
      Tier: 'advanced',
    });
    expect(Ipam!.IpamId).toMatch(/^ipam-0[0-9a-f]{16}$/);
    expect(Ipam!.IpamArn).toBe(`arn:aws:ec2::123456789012:ipam/${Ipam!.IpamId}`);
    expect(Ipam!.PrivateDefaultScopeId).toMatch(/^ipam-scope-0[0-9a-f]{16}$/);

    const described = await ec2.send(new DescribeIpamsCommand({ IpamIds: [Ipam!.IpamId!] }));
    expect(described.Ipams).toHaveLength(1);
    expect(described.Ipams![0]!.State).toBe('create-complete');
    const byTag = await ec2.send(new DescribeIpamsCommand({ Filters: [{ Name: 'tag:Name', Values: ['la*'] }] }));
    expect(byTag.Ipams!.map((i) => i.IpamId)).toContain(Ipam!.IpamId);

    const scopes = await ec2.send(new DescribeIpamScopesCommand({ Filters: [{ Name: 'ipam-arn', Values: [Ipam!.IpamArn!] }] }));
    expect(scopes.IpamScopes!.map((s) => [s.IpamScopeType, s.IsDefault]).sort()).toEqual([
      ['private', true],
      ['public', true],
    ]);
  });

  it('DescribeIpams pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 6; i++) await ec2.send(new CreateIpamCommand({ Description: `page-${i}` }));
    const filter = [{ Name: 'description', Values: ['page-*'] }];
    const first = await ec2.send(new DescribeIpamsCommand({ Filters: filter, MaxResults: 5 }));
    expect(first.Ipams).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
    const second = await ec2.send(new DescribeIpamsCommand({ Filters: filter, MaxResults: 5, NextToken: first.NextToken }));
    expect(second.Ipams).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
  });

  it('an unknown IPAM id is InvalidIpamId.NotFound', async () => {
    expect(await failure(ec2.send(new DescribeIpamsCommand({ IpamIds: ['ipam-0000000000000000a'] })))).toEqual([
      'InvalidIpamId.NotFound',
      "The ipam ID 'ipam-0000000000000000a' does not exist",
      400,
    ]);
  });
});

describe('pools and provisioned CIDRs', () => {
  it('CreateIpamPool takes scope, family and locale; the locale must be an operating Region', async () => {
    const { Ipam } = await ec2.send(new CreateIpamCommand({ OperatingRegions: [{ RegionName: 'us-west-2' }] }));
    const { IpamPool } = await ec2.send(
      new CreateIpamPoolCommand({ IpamScopeId: Ipam!.PrivateDefaultScopeId, AddressFamily: 'ipv4', Locale: 'us-west-2', Description: 'west' }),
    );
    expect(IpamPool).toMatchObject({
      IpamScopeType: 'private',
      IpamRegion: 'us-east-1',
      Locale: 'us-west-2',
      PoolDepth: 1,
      State: 'create-in-progress',
      AddressFamily: 'ipv4',
      AllocationMinNetmaskLength: 0,
      AllocationMaxNetmaskLength: 32,
      AutoImport: false,
    });
    expect(IpamPool!.IpamPoolId).toMatch(/^ipam-pool-0[0-9a-f]{16}$/);
    const noLocale = await ec2.send(new CreateIpamPoolCommand({ IpamScopeId: Ipam!.PrivateDefaultScopeId, AddressFamily: 'ipv6' }));
    expect(noLocale.IpamPool!.Locale).toBe('None');
    const [code, message] = await failure(
      ec2.send(new CreateIpamPoolCommand({ IpamScopeId: Ipam!.PrivateDefaultScopeId, AddressFamily: 'ipv4', Locale: 'ap-south-1' })),
    );
    expect(code).toBe('InvalidParameterValue');
    expect(message).toContain("The locale 'ap-south-1' is not one of the operating Regions");
    const pools = await ec2.send(new DescribeIpamPoolsCommand({ Filters: [{ Name: 'locale', Values: ['us-west-2'] }] }));
    expect(pools.IpamPools!.map((p) => p.IpamPoolId)).toEqual([IpamPool!.IpamPoolId]);
  });

  it('ProvisionIpamPoolCidr adds CIDRs; overlapping space in the scope is refused; GetIpamPoolCidrs lists them', async () => {
    const { poolId, scopeId } = await poolWithCidr(emulator.url, '10.20.0.0/16');
    const second = await ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.21.0.0/16' }));
    expect(second.IpamPoolCidr).toMatchObject({ Cidr: '10.21.0.0/16', State: 'pending-provision', NetmaskLength: 16 });
    expect(second.IpamPoolCidr!.IpamPoolCidrId).toMatch(/^ipam-pool-cidr-0[0-9a-f]{32}$/);
    const other = await ec2.send(new CreateIpamPoolCommand({ IpamScopeId: scopeId, AddressFamily: 'ipv4' }));
    const [code, message] = await failure(
      ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: other.IpamPool!.IpamPoolId, Cidr: '10.20.128.0/17' })),
    );
    expect([code, message]).toEqual(['InvalidParameterValue', `The CIDR 10.20.128.0/17 overlaps with CIDR 10.20.0.0/16 provisioned to IPAM pool ${poolId}.`]);
    const cidrs = await ec2.send(new GetIpamPoolCidrsCommand({ IpamPoolId: poolId }));
    expect(cidrs.IpamPoolCidrs!.map((c) => [c.Cidr, c.State])).toEqual([
      ['10.20.0.0/16', 'provisioned'],
      ['10.21.0.0/16', 'provisioned'],
    ]);
    const [familyCode] = await failure(ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '2001:db8::/48' })));
    expect(familyCode).toBe('InvalidParameterValue');
  });

  it('a child pool gets its space from its source pool as an ipam-pool allocation', async () => {
    const { poolId, scopeId } = await poolWithCidr(emulator.url, '10.30.0.0/16');
    const child = await ec2.send(new CreateIpamPoolCommand({ IpamScopeId: scopeId, AddressFamily: 'ipv4', SourceIpamPoolId: poolId }));
    expect(child.IpamPool).toMatchObject({ SourceIpamPoolId: poolId, PoolDepth: 2, Locale: 'us-east-1' });
    const childId = child.IpamPool!.IpamPoolId!;
    const provisioned = await ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: childId, NetmaskLength: 20 }));
    expect(provisioned.IpamPoolCidr!.Cidr).toBe('10.30.0.0/20');
    const parent = await allocations(poolId);
    expect(parent).toEqual([
      expect.objectContaining({ Cidr: '10.30.0.0/20', ResourceType: 'ipam-pool', ResourceId: childId, ResourceRegion: 'us-east-1' }),
    ]);
    // only custom allocations can be released
    const [code, message] = await failure(
      ec2.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: '10.30.0.0/20', IpamPoolAllocationId: parent[0]!.IpamPoolAllocationId })),
    );
    expect(code).toBe('InvalidParameterValue');
    expect(message).toContain('only custom allocations can be released');
    // the parent refuses deletion without Cascade; with it, child and allocation go too
    expect((await failure(ec2.send(new DeleteIpamPoolCommand({ IpamPoolId: poolId }))))[0]).toBe('DependencyViolation');
    await ec2.send(new DeleteIpamPoolCommand({ IpamPoolId: poolId, Cascade: true }));
    expect((await failure(ec2.send(new DescribeIpamPoolsCommand({ IpamPoolIds: [childId] }))))[0]).toBe('InvalidIpamPoolId.NotFound');
  });
});

describe('allocations', () => {
  it('AllocateIpamPoolCidr finds free space first-fit, takes explicit CIDRs and refuses overlaps', async () => {
    const { poolId } = await poolWithCidr(emulator.url, '10.40.0.0/22');
    const a = (await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24, Description: 'a' }))).IpamPoolAllocation!;
    expect(a).toEqual({
      Cidr: '10.40.0.0/24',
      IpamPoolAllocationId: expect.stringMatching(/^ipam-pool-alloc-0[0-9a-f]{32}$/),
      Description: 'a',
      ResourceType: 'custom',
      ResourceOwner: '123456789012',
    });
    const explicit = (await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.40.2.0/24' }))).IpamPoolAllocation!;
    expect(explicit.Cidr).toBe('10.40.2.0/24');
    const next = (await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }))).IpamPoolAllocation!;
    expect(next.Cidr).toBe('10.40.1.0/24');
    const [code, message] = await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.40.0.128/25' })));
    expect([code, message]).toEqual([
      'InvalidParameterValue',
      `The CIDR 10.40.0.128/25 overlaps with CIDR 10.40.0.0/24 of allocation ${a.IpamPoolAllocationId} in IPAM pool ${poolId}.`,
    ]);
    expect((await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 23 }))))[1]).toBe(
      `There is not enough free space in IPAM pool ${poolId} for a /23 allocation.`,
    );
    expect((await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 16 }))))[1]).toBe(
      'The allocation size is too big for the pool.',
    );
    expect((await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '192.168.0.0/24' }))))[1]).toBe(
      `The CIDR 192.168.0.0/24 is not within the CIDRs provisioned to IPAM pool ${poolId}.`,
    );
    const preview = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 25, PreviewNextCidr: true }));
    expect(preview.IpamPoolAllocation).toEqual({ Cidr: '10.40.3.0/25' });
    expect(await allocations(poolId)).toHaveLength(3);
    const disallowed = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 25, DisallowedCidrs: ['10.40.3.0/25'] }));
    expect(disallowed.IpamPoolAllocation!.Cidr).toBe('10.40.3.128/25');
  });

  it('IPv6 pools allocate IPv6 blocks, printed canonically', async () => {
    const { Ipam } = await ec2.send(new CreateIpamCommand({}));
    const { IpamPool } = await ec2.send(new CreateIpamPoolCommand({ IpamScopeId: Ipam!.PrivateDefaultScopeId, AddressFamily: 'ipv6', Locale: 'us-east-1' }));
    const poolId = IpamPool!.IpamPoolId!;
    expect(IpamPool!.AllocationMaxNetmaskLength).toBe(128);
    await ec2.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: 'fd00:0DB8::/48' }));
    const first = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 56 }));
    const second = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 56 }));
    expect([first.IpamPoolAllocation!.Cidr, second.IpamPoolAllocation!.Cidr]).toEqual(['fd00:db8::/56', 'fd00:db8:0:100::/56']);
    const [code] = await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.0.0.0/24' })));
    expect(code).toBe('InvalidParameterValue');
  });

  it('GetIpamPoolAllocations filters as the CLI asks', async () => {
    const { poolId } = await poolWithCidr(emulator.url, '10.50.0.0/16');
    const ids: string[] = [];
    for (const description of ['web', 'db', 'web']) {
      ids.push((await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24, Description: description }))).IpamPoolAllocation!.IpamPoolAllocationId!);
    }
    const byId = await ec2.send(
      new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, Filters: [{ Name: 'ipam-pool-allocation-id', Values: [ids[1]!] }] }),
    );
    expect(byId.IpamPoolAllocations!.map((a) => a.Cidr)).toEqual(['10.50.1.0/24']);
    const byCidr = await ec2.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, Filters: [{ Name: 'cidr', Values: ['10.50.2.*'] }] }));
    expect(byCidr.IpamPoolAllocations!.map((a) => a.IpamPoolAllocationId)).toEqual([ids[2]]);
    const byType = await ec2.send(
      new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, Filters: [{ Name: 'resource-type', Values: ['custom'] }, { Name: 'description', Values: ['web'] }] }),
    );
    expect(byType.IpamPoolAllocations).toHaveLength(2);
    const single = await ec2.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId, IpamPoolAllocationId: ids[0] }));
    expect(single.IpamPoolAllocations!.map((a) => a.IpamPoolAllocationId)).toEqual([ids[0]]);
  });
});

describe('ReleaseIpamPoolAllocation', () => {
  async function allocated(cidr: string) {
    const { poolId } = await poolWithCidr(emulator.url, cidr);
    const allocation = (await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }))).IpamPoolAllocation!;
    return { poolId, cidr: allocation.Cidr!, id: allocation.IpamPoolAllocationId! };
  }

  it('releases once; the space becomes allocatable again; a second release is NotFound', async () => {
    const { poolId, cidr, id } = await allocated('10.60.0.0/24');
    expect((await ec2.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: cidr, IpamPoolAllocationId: id }))).Success).toBe(true);
    expect(await allocations(poolId)).toEqual([]);
    expect(await failure(ec2.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: cidr, IpamPoolAllocationId: id })))).toEqual([
      'InvalidIpamPoolAllocationId.NotFound',
      `The IPAM pool allocation (${id}) does not exist.`,
      400,
    ]);
    const again = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
    expect(again.IpamPoolAllocation!.Cidr).toBe('10.60.0.0/24');
  });

  it('checks the pool, the allocation, the CIDR and the Region', async () => {
    const { poolId, cidr, id } = await allocated('10.61.0.0/16');
    const release = (params: { IpamPoolId: string; Cidr: string; IpamPoolAllocationId: string }, client = ec2) =>
      failure(client.send(new ReleaseIpamPoolAllocationCommand(params)));
    expect(await release({ IpamPoolId: 'ipam-pool-0aaaaaaaaaaaaaaaa', Cidr: cidr, IpamPoolAllocationId: id })).toEqual([
      'InvalidIpamPoolId.NotFound',
      "The ipam-pool ID 'ipam-pool-0aaaaaaaaaaaaaaaa' does not exist",
      400,
    ]);
    const other = await allocated('10.62.0.0/16');
    expect((await release({ IpamPoolId: other.poolId, Cidr: cidr, IpamPoolAllocationId: id }))[0]).toBe('InvalidIpamPoolAllocationId.NotFound');
    expect(await release({ IpamPoolId: poolId, Cidr: '10.61.1.0/24', IpamPoolAllocationId: id })).toEqual([
      'InvalidParameterValue',
      `The CIDR 10.61.1.0/24 does not match the CIDR of IPAM pool allocation ${id} (${cidr}).`,
      400,
    ]);
    const west = await ec2Client(emulator.url, undefined, 'us-west-2');
    try {
      expect(await release({ IpamPoolId: poolId, Cidr: cidr, IpamPoolAllocationId: id }, west)).toEqual([
        'InvalidParameterValue',
        `The request Region (us-west-2) does not match the locale (us-east-1) of IPAM pool ${poolId}. Send the request to Region us-east-1.`,
        400,
      ]);
    } finally {
      west.destroy();
    }
    expect(await allocations(poolId)).toHaveLength(1);
  });

  it('DryRun answers DryRunOperation (412) with permission and UnauthorizedOperation (403) without; nothing is released', async () => {
    const { poolId, cidr, id } = await allocated('10.63.0.0/16');
    const params = { IpamPoolId: poolId, Cidr: cidr, IpamPoolAllocationId: id, DryRun: true };
    expect(await failure(ec2.send(new ReleaseIpamPoolAllocationCommand(params)))).toEqual([
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
      412,
    ]);
    const denied = await ec2Client(emulator.url, DENIED_KEY);
    try {
      const [code, message, status] = await failure(denied.send(new ReleaseIpamPoolAllocationCommand(params)));
      expect([code, status]).toEqual(['UnauthorizedOperation', 403]);
      expect(message).toBe(
        `You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ipam-emulator-no-permissions is not authorized to perform: ec2:ReleaseIpamPoolAllocation on resource: arn:aws:ec2::123456789012:ipam-pool/${poolId} because no identity-based policy allows the ec2:ReleaseIpamPoolAllocation action`,
      );
      expect((await failure(denied.send(new ReleaseIpamPoolAllocationCommand({ ...params, DryRun: false }))))[0]).toBe('UnauthorizedOperation');
    } finally {
      denied.destroy();
    }
    expect(await allocations(poolId)).toHaveLength(1);
  });
});

describe('deleting', () => {
  it('DeleteIpamPool refuses while CIDRs are provisioned unless Cascade; DeleteIpam likewise while pools exist', async () => {
    const { poolId, ipamId } = await poolWithCidr(emulator.url, '10.70.0.0/16');
    await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
    expect(await failure(ec2.send(new DeleteIpamPoolCommand({ IpamPoolId: poolId })))).toEqual([
      'DependencyViolation',
      `The specified action is not valid for ${poolId}. There are one or more pool cidrs provisioned in the pool.`,
      400,
    ]);
    expect((await failure(ec2.send(new DeleteIpamCommand({ IpamId: ipamId }))))[0]).toBe('DependencyViolation');
    const deleted = await ec2.send(new DeleteIpamPoolCommand({ IpamPoolId: poolId, Cascade: true }));
    expect(deleted.IpamPool).toMatchObject({ IpamPoolId: poolId, State: 'delete-in-progress' });
    expect(emulator.state().allocations.filter((a) => a.poolId === poolId)).toEqual([]);
    const gone = await ec2.send(new DeleteIpamCommand({ IpamId: ipamId }));
    expect(gone.Ipam!.State).toBe('delete-in-progress');
    expect((await failure(ec2.send(new DescribeIpamsCommand({ IpamIds: [ipamId] }))))[0]).toBe('InvalidIpamId.NotFound');
  });

  it('DeprovisionIpamPoolCidr refuses a CIDR with allocations, then takes it back once they are released', async () => {
    const { poolId } = await poolWithCidr(emulator.url, '10.72.0.0/16');
    const { IpamPoolAllocation } = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
    expect(await failure(ec2.send(new DeprovisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.72.0.0/16' })))).toEqual([
      'InvalidParameterValue',
      'The CIDR 10.72.0.0/16 has one or more allocations.',
      400,
    ]);
    await ec2.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: IpamPoolAllocation!.Cidr, IpamPoolAllocationId: IpamPoolAllocation!.IpamPoolAllocationId }));
    const { IpamPoolCidr } = await ec2.send(new DeprovisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.72.0.0/16' }));
    expect(IpamPoolCidr).toMatchObject({ Cidr: '10.72.0.0/16', State: 'pending-deprovision' });
    expect((await ec2.send(new GetIpamPoolCidrsCommand({ IpamPoolId: poolId }))).IpamPoolCidrs).toEqual([]);
    await ec2.send(new DeleteIpamPoolCommand({ IpamPoolId: poolId }));
  });

  it('DeleteIpam with Cascade removes pools, CIDRs and allocations', async () => {
    const { poolId, ipamId } = await poolWithCidr(emulator.url, '10.71.0.0/16');
    await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
    await ec2.send(new DeleteIpamCommand({ IpamId: ipamId, Cascade: true }));
    const state = emulator.state();
    expect(state.pools.some((p) => p.id === poolId)).toBe(false);
    expect(state.scopes.some((s) => s.ipamId === ipamId)).toBe(false);
    expect(consistencyProblems(state)).toEqual([]);
  });
});

describe('idempotency', () => {
  it('a repeated ClientToken gets the same allocation; different parameters are IdempotentParameterMismatch', async () => {
    const { poolId } = await poolWithCidr(emulator.url, '10.80.0.0/16');
    const first = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24, ClientToken: 'token-1' }));
    const again = await ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24, ClientToken: 'token-1' }));
    expect(again.IpamPoolAllocation).toEqual(first.IpamPoolAllocation);
    expect(await allocations(poolId)).toHaveLength(1);
    expect((await failure(ec2.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 25, ClientToken: 'token-1' }))))[0]).toBe(
      'IdempotentParameterMismatch',
    );
  });
});

it('the state stays consistent through all of the above', () => {
  expect(consistencyProblems(emulator.state())).toEqual([]);
});
