// Installing as users do: the tarball (what it holds; npm install -g and npx on every supported
// Node), a git install, the standalone executable with no Node on PATH, and a package whose build
// never ran.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, registerOurBinary, runCommand } from '../helpers/cli';
import { cliEnv } from '../emulator/support';
import { pathWith } from './global-setup';
import { installOn, installs, oneAllocation, standalone, startEmulatorCommand, SUCCESS, tarball, type InstalledEmulator } from './support';
import { supportedNodeMajors } from '../../scripts/supported-nodes.mjs';

const work = mkdtempSync(join(tmpdir(), 'aws-install-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const notFound = (args: string[]) =>
  `\nAn error occurred (InvalidIpamPoolAllocationId.NotFound) when calling the ReleaseIpamPoolAllocation operation: ` +
  `The IPAM pool allocation (${args[args.length - 1]}) does not exist.\n`;

describe('the tarball', () => {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));

  test('holds exactly what runs: bin/, the built dist/ with code caches for every supported Node, package.json, README, LICENSE', () => {
    const outside = listing.filter((path) => !/^package\/(bin|dist)\//.test(path));
    expect(outside.sort()).toEqual(['package/LICENSE', 'package/README.md', 'package/package.json']);
    expect(listing).toEqual(expect.arrayContaining(['package/bin/aws.js', 'package/bin/aws_completer.js', 'package/bin/aws-ipam-emulator.js',
      'package/dist/launch.cjs', 'package/dist/aws.cjs', 'package/dist/aws_completer.cjs', 'package/dist/aws-ipam-emulator.cjs']));
    expect(listing.filter((path) => /\/(test|src|scripts|exe)\//.test(path))).toEqual([]);
    const cacheVersions = new Set(listing.map((path) => /^package\/dist\/code-cache\/([^/]+)\//.exec(path)?.[1]).filter(Boolean));
    const expected = installs.map(({ node }) => execFileSync(node, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).trim());
    expect([...cacheVersions].sort()).toEqual([...new Set(expected)].sort());
  });

  test('its package.json needs nothing installed besides it, says which Node lines it supports, and has no scripts', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.engines.node).toBe(supportedNodeMajors.map((major) => `^${major}.0.0`).join(' || '));
  });
});

describe.each(supportedNodeMajors)('npm install -g <tarball>, then on Node %i', (major) => {
  let emulator: InstalledEmulator;
  const { node, prefix } = installOn(major);
  const env = { ...cliEnv(), PATH: pathWith(node) };
  const aws = join(prefix, 'bin', 'aws');
  registerOurBinary(aws);
  beforeAll(async () => {
    emulator = await startEmulatorCommand([join(prefix, 'bin', 'aws-ipam-emulator')], { PATH: pathWith(node) });
  });
  afterAll(() => emulator.stop());

  test('aws releases an allocation from the installed aws-ipam-emulator, and a second release fails as on EC2', async () => {
    const release = await oneAllocation(emulator.url);
    expect(await runCommand([aws, ...release], { env })).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });
    expect(await runCommand([aws, ...release], { env })).toMatchObject({ stdout: '', stderr: notFound(release), code: 254 });
  });

  test('aws --version names the Node it runs on; aws_completer completes', async () => {
    const version = await runCommand([aws, '--version'], { env });
    expect(version.stdout).toMatch(new RegExp(`^aws-cli/0\\.1\\.0 Node/${major}\\.\\d+\\.\\d+ Linux/\\S+ source/x86_64`));
    const completion = await runCommand([join(prefix, 'bin', 'aws_completer')], {
      env: { ...env, COMP_LINE: 'aws ec2 release-ipam-pool-allocation --ipam-pool-a', COMP_POINT: '50' },
    });
    expect(completion.stdout).toBe('--ipam-pool-allocation-id\n');
  });
});

test('npx --package <tarball> aws … makes the call (with its own npm cache: nothing to download)', async () => {
  const emulator = await startEmulatorCommand([join(installOn(26).prefix, 'bin', 'aws-ipam-emulator')], { PATH: pathWith(installOn(26).node) });
  try {
    const release = await oneAllocation(emulator.url);
    const cache = join(work, 'npx-cache');
    const result = await runCommand(['npx', '--yes', '--cache', cache, '--package', tarball, 'aws', ...release], {
      env: { ...cliEnv(), PATH: process.env.PATH! },
      timeoutMs: 120_000,
    });
    expect(result).toMatchObject({ stdout: SUCCESS, code: 0 });
  } finally {
    await emulator.stop();
  }
});

describe('npm install -g git+file://…', () => {
  // npm clones the repository, installs the build tools into the clone, builds (scripts/prepare.mjs
  // mends npm/cli#8440) and installs the result. The repository is this checkout's HEAD with its
  // tracked changes (git stash create), pushed to a bare repository of the test's own.
  const npmTmp = join(homedir(), '.npm', '_cacache', 'tmp');
  const entriesBefore = new Set(safeList(npmTmp));
  afterAll(() => {
    // a global git install leaves npm's clone behind in npm's own temporary directory
    for (const entry of safeList(npmTmp)) if (!entriesBefore.has(entry) && entry.startsWith('git-clone')) rmSync(join(npmTmp, entry), { recursive: true, force: true });
  });

  test('builds the package, installs the commands, and they make a call', async () => {
    // an identity for the stash commit: CI machines have none
    const identity = ['-c', 'user.name=install test', '-c', 'user.email=install-test@localhost'];
    const git = (args: string[], cwd = projectRoot) => execFileSync('git', [...identity, ...args], { cwd, encoding: 'utf8' }).trim();
    let commit = '';
    try {
      commit = git(['stash', 'create']);
    } catch {
      // no stash in the middle of a merge: HEAD alone
    }
    commit ||= git(['rev-parse', 'HEAD']);
    const repo = join(work, 'repo.git');
    git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);
    git(['push', '--quiet', repo, `${commit}:refs/heads/main`]);
    const prefix = join(work, 'git-install');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', `git+file://${repo}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const aws = join(prefix, 'bin', 'aws');
    registerOurBinary(aws);
    const emulator = await startEmulatorCommand([join(prefix, 'bin', 'aws-ipam-emulator')]);
    try {
      const release = await oneAllocation(emulator.url);
      expect(await runCommand([aws, ...release], { env: cliEnv() })).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });
    } finally {
      await emulator.stop();
    }
  }, 300_000);
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

describe('the standalone executable', () => {
  registerOurBinary(standalone);
  // no Node anywhere on PATH: what a machine without Node gives it
  const env = { ...cliEnv(), PATH: '/nonexistent' };

  test('runs with no Node on PATH and says `exe` in --version', async () => {
    const result = await runCommand([standalone, '--version'], { env });
    expect(result.stdout).toMatch(/^aws-cli\/0\.1\.0 Node\/26\.\d+\.\d+ Linux\/\S+ exe\/x86_64/);
  });

  test('is aws, aws_completer and aws-ipam-emulator by the name it is started under, and makes a call', async () => {
    const emulator = await startEmulatorCommand([join(standalone, '..', 'aws-ipam-emulator')], { PATH: '/nonexistent' });
    try {
      const release = await oneAllocation(emulator.url);
      expect(await runCommand([standalone, ...release], { env })).toMatchObject({ stdout: SUCCESS, stderr: '', code: 0 });
    } finally {
      await emulator.stop();
    }
    const completion = await runCommand([join(standalone, '..', 'aws_completer')], {
      env: { ...env, COMP_LINE: 'aws ec2 release-ipam-pool-allocation --ipam-pool-a', COMP_POINT: '50' },
    });
    expect(completion.stdout).toBe('--ipam-pool-allocation-id\n');
  });
});

test('a package whose build never ran says so in one line (exit 255), not with a stack trace', async () => {
  const copy = join(work, 'unbuilt');
  cpSync(join(installOn(20).prefix, 'lib', 'node_modules', 'aws-ipam-release', 'bin'), join(copy, 'bin'), { recursive: true });
  const result = await runCommand([process.execPath, join(copy, 'bin', 'aws.js'), '--version']);
  expect(result.code).toBe(255);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(
    `\nThis installation of aws has not been built (no ${join(copy, 'dist')}). ` +
      `Install it again with its build scripts allowed, or run \`npm install && npm run build\` in ${copy}.\n`,
  );
  expect(readFileSync(join(copy, 'bin', 'aws.js'), 'utf8')).toContain("require('../dist/launch.cjs')");
});
