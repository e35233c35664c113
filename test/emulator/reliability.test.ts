// Reliability under concurrency and crashes: one winner among simultaneous releases, a consistent
// state after a thousand mixed requests from parallel clients, and a state file that always loads
// and keeps every acknowledged change however often the emulator is killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AllocateIpamPoolCidrCommand,
  type EC2Client,
  GetIpamPoolAllocationsCommand,
  ReleaseIpamPoolAllocationCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { consistencyProblems, shapeProblems, type State } from '../../src/emulator/index';
import { projectRoot, runOurs } from '../helpers/cli';
import { cliEnv, ec2Client, form, poolWithCidr, rawRequest, startTestEmulator, tempDir } from './support';

const emulatorBinary = join(projectRoot, 'bin', 'aws-ipam-emulator.js');

async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'success';
  } catch (error) {
    return (error as Error).name;
  }
}

describe('concurrent releases of one allocation', () => {
  it('50 simultaneous releases (50 SDK clients): exactly one succeeds, the others get EC2 NotFound', async () => {
    const emulator = await startTestEmulator();
    const clients: EC2Client[] = [];
    try {
      const { poolId } = await poolWithCidr(emulator.url, '10.0.0.0/16');
      for (let i = 0; i < 50; i++) clients.push(await ec2Client(emulator.url));
      for (let round = 0; round < 3; round++) {
        const { IpamPoolAllocation } = await clients[0]!.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
        const params = { IpamPoolId: poolId, Cidr: IpamPoolAllocation!.Cidr!, IpamPoolAllocationId: IpamPoolAllocation!.IpamPoolAllocationId! };
        const outcomes = await Promise.all(clients.map((client) => errorName(client.send(new ReleaseIpamPoolAllocationCommand(params)))));
        expect(outcomes.filter((o) => o === 'success')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'InvalidIpamPoolAllocationId.NotFound')).toHaveLength(49);
      }
      expect(emulator.state().allocations).toEqual([]);
    } finally {
      for (const client of clients) client.destroy();
      await emulator.stop();
    }
  });

  it('8 simultaneous `aws ec2 release-ipam-pool-allocation` runs of ours: one exit 0, seven exit 254', async () => {
    const emulator = await startTestEmulator();
    try {
      const { poolId } = await poolWithCidr(emulator.url, '10.0.0.0/16');
      const client = await ec2Client(emulator.url);
      const { IpamPoolAllocation } = await client.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
      client.destroy();
      const id = IpamPoolAllocation!.IpamPoolAllocationId!;
      const args = ['--endpoint-url', emulator.url, 'ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', poolId, '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', id];
      const results = await Promise.all(Array.from({ length: 8 }, () => runOurs(args, { env: cliEnv() })));
      const winners = results.filter((r) => r.code === 0);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.stdout).toBe('{\n    "Success": true\n}\n');
      for (const loser of results.filter((r) => r.code !== 0)) {
        expect(loser).toMatchObject({
          code: 254,
          stdout: '',
          stderr: `\nAn error occurred (InvalidIpamPoolAllocationId.NotFound) when calling the ReleaseIpamPoolAllocation operation: The IPAM pool allocation (${id}) does not exist.\n`,
        });
      }
    } finally {
      await emulator.stop();
    }
  });
});

describe('mixed load', () => {
  it('1,000 allocate/release requests from 10 parallel clients leave a consistent state; released space is reusable', async () => {
    const emulator = await startTestEmulator();
    const clients: EC2Client[] = [];
    try {
      const { poolId } = await poolWithCidr(emulator.url, '10.0.0.0/16');
      for (let i = 0; i < 10; i++) clients.push(await ec2Client(emulator.url));
      const held = new Map<string, string>();
      let requests = 0;
      const worker = async (client: EC2Client, seed: number) => {
        let random = seed;
        const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
        const mine: string[] = [];
        for (let i = 0; i < 100; i++) {
          requests++;
          if (mine.length === 0 || next() < 0.55) {
            const { IpamPoolAllocation } = await client.send(
              new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 22 + Math.floor(next() * 7) }),
            );
            mine.push(IpamPoolAllocation!.IpamPoolAllocationId!);
            held.set(IpamPoolAllocation!.IpamPoolAllocationId!, IpamPoolAllocation!.Cidr!);
          } else {
            const id = mine.splice(Math.floor(next() * mine.length), 1)[0]!;
            const { Success } = await client.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: held.get(id)!, IpamPoolAllocationId: id }));
            expect(Success).toBe(true);
            held.delete(id);
          }
        }
      };
      await Promise.all(clients.map((client, i) => worker(client, i + 1)));
      expect(requests).toBe(1000);

      // what the clients hold is exactly what the pool lists: nothing lost, nothing extra, no overlap
      const listed = (await clients[0]!.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId }))).IpamPoolAllocations!;
      expect(new Map(listed.map((a) => [a.IpamPoolAllocationId!, a.Cidr!]))).toEqual(held);
      expect(consistencyProblems(emulator.state())).toEqual([]);
      // the file on disk says the same
      const onDisk = JSON.parse(readFileSync(emulator.statePath, 'utf8')) as State;
      expect(new Map(onDisk.allocations.map((a) => [a.id, a.cidr]))).toEqual(held);

      // release everything: then the whole /16 is free again
      await Promise.all(
        [...held].map(([id, cidr], i) => clients[i % 10]!.send(new ReleaseIpamPoolAllocationCommand({ IpamPoolId: poolId, Cidr: cidr, IpamPoolAllocationId: id }))),
      );
      const whole = await clients[0]!.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 16 }));
      expect(whole.IpamPoolAllocation!.Cidr).toBe('10.0.0.0/16');
    } finally {
      for (const client of clients) client.destroy();
      await emulator.stop();
    }
  }, 120_000);
});

// --- crashes -----------------------------------------------------------------------------------

interface Spawned {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** Starts the built emulator binary on a free port and waits for its "listening on" line. */
function spawnEmulator(statePath: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [emulatorBinary, '--port', '0', '--state', statePath, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before listening: ${err}`)));
  });
}

/** Reads the state file as a fresh emulator would: it must always be a usable, consistent state. */
function loadStateFile(path: string): State {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as State;
  expect(shapeProblems(parsed)).toEqual([]);
  expect(consistencyProblems(parsed)).toEqual([]);
  return parsed;
}

async function crashLane(lane: number, iterations: number) {
  const dir = tempDir(`ipam-crash-${lane}-`);
  const statePath = join(dir, 'state.json');
  let poolId = '';
  {
    const first = await spawnEmulator(statePath);
    poolId = (await poolWithCidr(first.url, '10.0.0.0/16')).poolId;
    first.child.kill('SIGTERM');
    await first.exited;
  }
  /** Allocations acknowledged and not (acknowledged as) released: the file must hold every one. */
  const held = new Map<string, string>();
  /** Releases acknowledged: the file must hold none of them. */
  const released = new Set<string>();
  let kills = 0;
  let killedMidWrite = 0;
  let acknowledged = 0;
  let random = lane * 7919 + 1;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;

  for (let i = 0; i < iterations; i++) {
    const running = await spawnEmulator(statePath);
    let stop = false;
    // kill only once work is flowing (the first acknowledged request), then after a random delay
    let firstAck!: () => void;
    const working = new Promise<void>((resolve) => (firstAck = resolve));
    const inFlightReleases = new Set<string>();
    const client = async () => {
      while (!stop) {
        const candidates = [...held.keys()].filter((id) => !inFlightReleases.has(id));
        try {
          if (candidates.length < 4 || next() < 0.5) {
            const res = await rawRequest(running.url, { body: form('AllocateIpamPoolCidr', { IpamPoolId: poolId, NetmaskLength: String(24 + Math.floor(next() * 5)) }) });
            const id = /<ipamPoolAllocationId>([^<]+)</.exec(res.body)?.[1];
            const cidr = /<cidr>([^<]+)</.exec(res.body)?.[1];
            if (res.status === 200 && id && cidr) {
              held.set(id, cidr);
              acknowledged++;
              firstAck();
            }
          } else {
            const id = candidates[Math.floor(next() * candidates.length)]!;
            inFlightReleases.add(id);
            const res = await rawRequest(running.url, { body: form('ReleaseIpamPoolAllocation', { IpamPoolId: poolId, Cidr: held.get(id)!, IpamPoolAllocationId: id }) });
            inFlightReleases.delete(id);
            if (res.status === 200) {
              held.delete(id);
              released.add(id);
              acknowledged++;
              firstAck();
            }
          }
        } catch {
          // the emulator died under us: this request's outcome is unknown
          return;
        }
      }
    };
    const clients = [client(), client(), client()];
    await Promise.race([working, new Promise((r) => setTimeout(r, 10_000))]);
    await new Promise((r) => setTimeout(r, next() * 40));
    running.child.kill('SIGKILL');
    kills++;
    stop = true;
    await running.exited;
    await Promise.all(clients);

    if (readdirSync(dir).some((name) => name.startsWith('.state.json.tmp-'))) killedMidWrite++;
    const state = loadStateFile(statePath);
    const onDisk = new Map(state.allocations.map((a) => [a.id, a.cidr]));
    // a release cut off by the kill may or may not have happened; everything else is certain
    for (const [id, cidr] of held) if (!inFlightReleases.has(id)) expect(onDisk.get(id)).toBe(cidr);
    for (const id of released) expect(onDisk.has(id)).toBe(false);
    // allocations whose answer was lost with the process may exist; from now on they are held
    for (const [id, cidr] of onDisk) held.set(id, cidr);
    for (const id of [...held.keys()]) if (!onDisk.has(id)) held.delete(id);
  }
  // the next start cleans up what the killed processes left behind and still loads the state
  const last = await spawnEmulator(statePath);
  last.child.kill('SIGTERM');
  await last.exited;
  expect(readdirSync(dir).sort()).toEqual(['state.json']);
  loadStateFile(statePath);
  return { kills, killedMidWrite, acknowledged, released: released.size };
}

describe('crashes', () => {
  it('kill -9 at random moments during writes, 100 times: the state file always loads, is consistent and keeps every acknowledged change', async () => {
    const lanes = await Promise.all([0, 1].map((lane) => crashLane(lane, 50)));
    const total = (key: keyof (typeof lanes)[number]) => lanes.reduce((sum, lane) => sum + lane[key], 0);
    expect(total('kills')).toBeGreaterThanOrEqual(100);
    // the kills did land while the state was being written, and real work was acknowledged in between
    expect(total('killedMidWrite')).toBeGreaterThanOrEqual(5);
    expect(total('acknowledged')).toBeGreaterThanOrEqual(100);
    expect(total('released')).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
