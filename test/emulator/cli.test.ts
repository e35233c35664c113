// The emulator is EC2-shaped enough for the real AWS CLI v2 (/usr/bin/aws) to drive the whole
// IPAM job through --endpoint-url, and for our `aws ec2 release-ipam-pool-allocation` to release
// what it allocated, with the same answers as the real CLI gives.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index';
import { runOurs, runReal, skipWithoutRealAws, type RunResult } from '../helpers/cli';
import { cliEnv, DENIED_KEY, ec2Client, startTestEmulator } from './support';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

const env = cliEnv();

function json(result: RunResult): any {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const real = (args: string[], extraEnv: Record<string, string> = env) =>
  runReal(['--endpoint-url', emulator.url, 'ec2', ...args], { env: extraEnv });
const ours = (args: string[], extraEnv: Record<string, string> = env) =>
  runOurs(['--endpoint-url', emulator.url, 'ec2', ...args], { env: extraEnv });

const SUCCESS = '{\n    "Success": true\n}\n';
const notFound = (id: string) =>
  `\nAn error occurred (InvalidIpamPoolAllocationId.NotFound) when calling the ReleaseIpamPoolAllocation operation: The IPAM pool allocation (${id}) does not exist.\n`;

describe('the real AWS CLI v2 and ours against the emulator', () => {
  beforeEach((context) => skipWithoutRealAws(context));

  it('create, provision, allocate, list, release (ours and theirs), dry-run, deprovision, delete', async () => {
    // the real CLI takes about a second to start, so it runs each command the job needs once,
    // in parallel where the job allows; incidental extra allocations go through the SDK
    const ipam = json(await real(['create-ipam', '--operating-regions', 'RegionName=us-east-1', '--description', 'cli test'])).Ipam;
    expect(ipam.IpamId).toMatch(/^ipam-0[0-9a-f]{16}$/);
    const pool = json(
      await real(['create-ipam-pool', '--ipam-scope-id', ipam.PrivateDefaultScopeId, '--address-family', 'ipv4', '--locale', 'us-east-1']),
    ).IpamPool;
    const poolId: string = pool.IpamPoolId;
    expect(json(await real(['provision-ipam-pool-cidr', '--ipam-pool-id', poolId, '--cidr', '10.0.0.0/16'])).IpamPoolCidr).toMatchObject({
      Cidr: '10.0.0.0/16',
      State: 'pending-provision',
    });
    const a = json(await real(['allocate-ipam-pool-cidr', '--ipam-pool-id', poolId, '--netmask-length', '24'])).IpamPoolAllocation;
    expect(a).toEqual({
      Cidr: '10.0.0.0/24',
      IpamPoolAllocationId: expect.stringMatching(/^ipam-pool-alloc-0[0-9a-f]{32}$/),
      ResourceType: 'custom',
      ResourceOwner: '123456789012',
    });
    const { AllocateIpamPoolCidrCommand } = await import('@aws-sdk/client-ec2');
    const sdk = await ec2Client(emulator.url);
    const b = (await sdk.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }))).IpamPoolAllocation!;
    const c = (await sdk.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.0.5.0/24' }))).IpamPoolAllocation!;
    sdk.destroy();
    expect([b.Cidr, c.Cidr]).toEqual(['10.0.1.0/24', '10.0.5.0/24']);

    const releaseArgs = (x: { Cidr?: string; IpamPoolAllocationId?: string }) => [
      'release-ipam-pool-allocation',
      '--ipam-pool-id',
      poolId,
      '--cidr',
      x.Cidr!,
      '--ipam-pool-allocation-id',
      x.IpamPoolAllocationId!,
    ];
    // ours releases one allocation, the real CLI another (same answer); meanwhile a filtered
    // listing and dry runs (with permission, and with the key pair that has none) leave c alone
    const [oursReleased, realReleased, filtered, dryRun, denied] = await Promise.all([
      ours(releaseArgs(a)),
      real(releaseArgs(b)),
      real(['get-ipam-pool-allocations', '--ipam-pool-id', poolId, '--filters', `Name=ipam-pool-allocation-id,Values=${c.IpamPoolAllocationId}`]),
      ours([...releaseArgs(c), '--dry-run']),
      ours([...releaseArgs(c), '--dry-run'], cliEnv(DENIED_KEY)),
    ]);
    expect(oursReleased).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });
    expect(realReleased).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });
    expect(json(filtered).IpamPoolAllocations).toEqual([{ Cidr: '10.0.5.0/24', IpamPoolAllocationId: c.IpamPoolAllocationId, ResourceType: 'custom', ResourceOwner: '123456789012' }]);
    expect(dryRun).toMatchObject({
      stdout: '',
      stderr: '\nAn error occurred (DryRunOperation) when calling the ReleaseIpamPoolAllocation operation: Request would have succeeded, but DryRun flag is set.\n',
      code: 254,
    });
    expect(denied.code).toBe(254);
    expect(denied.stderr).toMatch(/^\nAn error occurred \(UnauthorizedOperation\) when calling the ReleaseIpamPoolAllocation operation: You are not authorized to perform this operation\. /);
    expect(emulator.state().allocations.filter((x) => x.poolId === poolId).map((x) => x.id)).toEqual([c.IpamPoolAllocationId]);

    // releasing again fails the same way in both; ours then releases the last allocation
    const [oursAgain, realAgain, oursLast] = await Promise.all([ours(releaseArgs(a)), real(releaseArgs(a)), ours(releaseArgs(c))]);
    expect(oursAgain).toMatchObject({ stdout: '', stderr: notFound(a.IpamPoolAllocationId), code: 254 });
    expect(realAgain).toMatchObject({ stdout: '', stderr: notFound(a.IpamPoolAllocationId), code: 254 });
    expect(oursLast).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });

    // 2.9.19 has no `delete-ipam-pool --cascade` (ipam.test.ts covers Cascade through the SDK):
    // the pool is emptied with deprovision-ipam-pool-cidr, then deleted
    expect(json(await real(['deprovision-ipam-pool-cidr', '--ipam-pool-id', poolId, '--cidr', '10.0.0.0/16'])).IpamPoolCidr).toMatchObject({
      Cidr: '10.0.0.0/16',
      State: 'pending-deprovision',
    });
    const deleted = json(await real(['delete-ipam-pool', '--ipam-pool-id', poolId])).IpamPool;
    expect(deleted).toMatchObject({ IpamPoolId: poolId, State: 'delete-in-progress', Locale: 'us-east-1' });
    expect(emulator.state().pools.map((p) => p.id)).not.toContain(poolId);
  }, 180_000);

  it('wrong keys and unsigned requests fail as EC2 makes them fail', async () => {
    const release = ['release-ipam-pool-allocation', '--ipam-pool-id', 'ipam-pool-0123456789abcdef0', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'x'];
    const [unknownKey, badSecret, unsigned] = await Promise.all([
      real(['describe-ipams'], { ...env, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000' }),
      ours(release, { ...env, AWS_SECRET_ACCESS_KEY: 'wrong' }),
      ours([...release, '--no-sign-request']),
    ]);
    expect(unknownKey).toMatchObject({
      stderr: '\nAn error occurred (AuthFailure) when calling the DescribeIpams operation: AWS was not able to validate the provided access credentials\n',
      code: 254,
    });
    expect(badSecret.code).toBe(254);
    expect(badSecret.stderr).toMatch(/^\nAn error occurred \(SignatureDoesNotMatch\) when calling the ReleaseIpamPoolAllocation operation: The request signature we calculated/);
    expect(unsigned).toMatchObject({
      stderr: '\nAn error occurred (MissingParameter) when calling the ReleaseIpamPoolAllocation operation: The request must contain the parameter AWSAccessKeyId\n',
      code: 254,
    });
  });
  it('an endpoint URL with a path and a query: both CLIs sign what they send, the emulator checks it alike', async () => {
    const release = ['ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', 'ipam-pool-0123456789abcdef0', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'x'];
    for (const suffix of ['/', '/a/b', '/a%20b/?x=1&y', '/./x/../y//z?b=2&a=1']) {
      const args = [...release, '--endpoint-url', emulator.url + suffix];
      const [theirs, mine] = await Promise.all([runReal(args, { env }), runOurs(args, { env })]);
      expect(mine, suffix).toEqual(theirs);
      expect(mine.stdout).toBe('');
      expect(mine.stderr).not.toContain('SignatureDoesNotMatch');
      expect(mine.code).toBe(254);
    }
  });
});
