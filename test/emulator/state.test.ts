// The state file: kept across restarts, owner-only, refused (and left untouched) when corrupted
// or foreign, locked against a second emulator, emptied on request.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError, startEmulator, type State } from '../../src/emulator/index';
import { defaultStatePath, serializeState } from '../../src/emulator/store';
import { projectRoot, runCommand } from '../helpers/cli';
import { form, poolWithCidr, rawRequest, tempDir } from './support';

const emulatorBinary = join(projectRoot, 'bin', 'aws-ipam-emulator.js');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('persistence', () => {
  it('keeps IPAMs, pools and allocations across a restart, and --reset/reset() empties them', async () => {
    const statePath = join(tempDir(), 'state.json');
    const first = await startEmulator({ statePath });
    const { poolId } = await poolWithCidr(first.url, '10.0.0.0/16');
    await rawRequest(first.url, { body: form('AllocateIpamPoolCidr', { IpamPoolId: poolId, NetmaskLength: '24' }) });
    const before = first.state();
    await first.stop();

    const second = await startEmulator({ statePath });
    expect(second.state()).toEqual(before);
    const listed = await rawRequest(second.url, { body: form('GetIpamPoolAllocations', { IpamPoolId: poolId }) });
    expect(listed.body).toContain('<cidr>10.0.0.0/24</cidr>');
    await second.reset();
    expect(second.state().ipams).toEqual([]);
    expect((JSON.parse(readFileSync(statePath, 'utf8')) as State).ipams).toEqual([]);
    await second.stop();

    const third = await startEmulator({ statePath });
    await poolWithCidr(third.url);
    await third.stop();
    const fourth = await startEmulator({ statePath, reset: true });
    expect(fourth.state().pools).toEqual([]);
    await fourth.stop();
  });

  it('defaults to $XDG_DATA_HOME/aws-ipam-emulator/state.json, else ~/.local/share/…', () => {
    expect(defaultStatePath({ XDG_DATA_HOME: '/data' })).toBe('/data/aws-ipam-emulator/state.json');
    expect(defaultStatePath({ XDG_DATA_HOME: 'relative' })).toMatch(/\/\.local\/share\/aws-ipam-emulator\/state\.json$/);
  });
});

describe('permissions', () => {
  it('creates the state file 0600 in a new 0700 directory, and tightens an existing file', async () => {
    const dir = join(tempDir(), 'new', 'nested');
    const statePath = join(dir, 'state.json');
    const emulator = await startEmulator({ statePath });
    await poolWithCidr(emulator.url);
    expect(mode(statePath)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    await emulator.stop();

    chmodSync(statePath, 0o644);
    const again = await startEmulator({ statePath });
    expect(mode(statePath)).toBe(0o600);
    await again.stop();
  });
});

describe('unusable state files are refused and never overwritten', () => {
  const valid = serializeState({
    format: 'aws-ipam-emulator-state',
    version: 1,
    ipams: [],
    scopes: [],
    pools: [],
    poolCidrs: [],
    allocations: [],
    clientTokens: [],
  });
  const overlapping = JSON.parse(valid) as State;
  overlapping.ipams.push({
    id: 'ipam-01111111111111111', ownerId: '1', region: 'us-east-1', operatingRegions: ['us-east-1'], publicDefaultScopeId: 'ipam-scope-01111111111111111',
    privateDefaultScopeId: 'ipam-scope-02222222222222222', resourceDiscoveryId: 'd', resourceDiscoveryAssociationId: 'a', tier: 'advanced',
    enablePrivateGua: false, meteredAccount: 'ipam-owner', tags: [],
  });
  overlapping.scopes.push(
    { id: 'ipam-scope-01111111111111111', ipamId: 'ipam-01111111111111111', ownerId: '1', type: 'public', isDefault: true, tags: [] },
    { id: 'ipam-scope-02222222222222222', ipamId: 'ipam-01111111111111111', ownerId: '1', type: 'private', isDefault: true, tags: [] },
  );
  overlapping.pools.push({
    id: 'ipam-pool-01111111111111111', ipamId: 'ipam-01111111111111111', scopeId: 'ipam-scope-02222222222222222', ownerId: '1', depth: 1,
    addressFamily: 'ipv4', autoImport: false, minNetmaskLength: 0, maxNetmaskLength: 32, allocationResourceTags: [], tags: [],
  });
  overlapping.poolCidrs.push({ id: 'ipam-pool-cidr-1', poolId: 'ipam-pool-01111111111111111', cidr: '10.0.0.0/16' });
  overlapping.allocations.push(
    { id: 'ipam-pool-alloc-1', poolId: 'ipam-pool-01111111111111111', cidr: '10.0.0.0/24', resourceType: 'custom', resourceOwner: '1' },
    { id: 'ipam-pool-alloc-2', poolId: 'ipam-pool-01111111111111111', cidr: '10.0.0.128/25', resourceType: 'custom', resourceOwner: '1' },
  );

  const cases: Array<[string, string, RegExp]> = [
    ['garbage bytes', '\u0000\u0001not json at all', /it is not valid JSON/],
    ['an empty file', '', /it is not valid JSON/],
    ['a half-written file', valid.slice(0, valid.length / 2), /it is not valid JSON/],
    ['a foreign JSON file', '{"terraform_version": "1.6.0", "resources": []}', /it has no "format": "aws-ipam-emulator-state" marker/],
    ['a JSON array', '[1, 2, 3]', /it is not a JSON object/],
    ['a newer state version', valid.replace('"version": 1', '"version": 99'), /it has state version 99, this emulator reads version 1/],
    ['a state with a malformed record', valid.replace('"pools": []', '"pools": [{"id": 5}]'), /pools\[0\]\.id is missing or not a string/],
    ['overlapping allocations', serializeState(overlapping), /its content is inconsistent \(allocations ipam-pool-alloc-1 and ipam-pool-alloc-2 overlap\)/],
  ];
  for (const [name, content, reason] of cases) {
    it(`${name}: a clear error at start-up, the file untouched`, async () => {
      const statePath = join(tempDir(), 'state.json');
      writeFileSync(statePath, content, { mode: 0o644 });
      const before = statSync(statePath);
      const error = await startEmulator({ statePath }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StateFileError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toContain(`the state file ${statePath} is not usable`);
      expect((error as Error).message).toContain('It was left untouched');
      expect(readFileSync(statePath, 'utf8')).toBe(content);
      expect(statSync(statePath).mtimeMs).toBe(before.mtimeMs);
      expect(mode(statePath)).toBe(0o644);
      // and the lock was given back: a fixed file can be used right away
      writeFileSync(statePath, valid);
      const fixed = await startEmulator({ statePath });
      await fixed.stop();
    });
  }

  it('the binary says so on stderr and exits 1', async () => {
    const statePath = join(tempDir(), 'state.json');
    writeFileSync(statePath, '{"not": "ours"}');
    const result = await runCommand([process.execPath, emulatorBinary, '--port', '0', '--state', statePath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `aws-ipam-emulator: the state file ${statePath} is not usable: it has no "format": "aws-ipam-emulator-state" marker. It was left untouched; move it away, choose another file with --state, or start with --reset to replace it with an empty state.\n`,
    );
    expect(readFileSync(statePath, 'utf8')).toBe('{"not": "ours"}');
  });
});

describe('one emulator per state file', () => {
  it('a second emulator on the same file is refused while the first runs, in this process and in another', async () => {
    const statePath = join(tempDir(), 'state.json');
    const first = await startEmulator({ statePath });
    try {
      await expect(startEmulator({ statePath })).rejects.toThrow(/is already in use by another emulator in this process/);
      const other = await runCommand([process.execPath, emulatorBinary, '--port', '0', '--state', statePath]);
      expect(other.code).toBe(1);
      expect(other.stderr).toBe(
        `aws-ipam-emulator: the state file ${statePath} is in use by another aws-ipam-emulator (pid ${process.pid}); stop it or choose another file with --state\n`,
      );
    } finally {
      await first.stop();
    }
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  it('a lock left by a dead process is taken over', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const statePath = join(dir, 'state.json');
    writeFileSync(`${statePath}.lock`, '2147483646\n');
    const emulator = await startEmulator({ statePath });
    expect(readFileSync(`${statePath}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await emulator.stop();
  });
});
