// What the package tests share: the installs made by global-setup.ts, the installed emulator as a
// real endpoint, and a pool with one allocation to release.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { baseEnv } from '../helpers/cli';
import { ec2Client, poolWithCidr } from '../emulator/support';
import type { Install } from './global-setup';

export const installs: readonly Install[] = inject('installs');
export const tarball: string = inject('tarball');
export const standalone: string = inject('standalone');

export function installOn(major: number): Install {
  return installs.find((i) => i.major === major)!;
}

export interface InstalledEmulator {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts an `aws-ipam-emulator` command (argv) on a free port with a throwaway state file. */
export async function startEmulatorCommand(argv: readonly string[], env: Record<string, string> = {}): Promise<InstalledEmulator> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-package-emulator-'));
  const child: ChildProcess = spawn(argv[0]!, [...argv.slice(1), '--port', '0', '--state', join(dir, 'state.json')], {
    env: { ...baseEnv(dir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => reject(new Error(`the emulator exited ${code}: ${err}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A pool provisioned with 10.0.0.0/16 and one /24 allocated from it: the arguments that release it. */
export async function oneAllocation(url: string): Promise<string[]> {
  const { poolId } = await poolWithCidr(url);
  const { AllocateIpamPoolCidrCommand } = await import('@aws-sdk/client-ec2');
  const client = await ec2Client(url);
  try {
    const { IpamPoolAllocation } = await client.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }));
    return ['--endpoint-url', url, 'ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', poolId,
      '--cidr', IpamPoolAllocation!.Cidr!, '--ipam-pool-allocation-id', IpamPoolAllocation!.IpamPoolAllocationId!];
  } finally {
    client.destroy();
  }
}

export const SUCCESS = '{\n    "Success": true\n}\n';
