// `prepare`: what npm runs after `npm ci` in a checkout, on `npm pack`, and when it installs this
// package from git (`npm install -g git+https://…`, `github:owner/repo`). Builds dist/.
//
// A git install of a *global* package (npm/cli#8440) prepares the clone with a nested
// `npm install` that still has npm's global settings: instead of installing the build tools
// (devDependencies) into the clone, it links the clone into the global prefix, then runs this
// script. Two things are mended here, only in that situation:
//  - the build tools are missing: they are installed into the clone from the lock file, without
//    running scripts;
//  - the global link to the temporary clone would end up as the installed package (a dangling
//    link once npm deletes the clone): it is put back to the empty directory npm left there,
//    into which npm then unpacks the built package.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, realpathSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const require = createRequire(import.meta.url);
const { name } = require('../package.json');
const env = process.env;
// pacote sets _PACOTE_NO_PREPARE_ for the `npm install` it runs in a git clone
const globalGitPreparation = env._PACOTE_NO_PREPARE_ !== undefined && env.npm_config_global === 'true';

function buildToolsInstalled() {
  try {
    for (const tool of ['esbuild', 'rolldown', '@aws-sdk/client-ec2']) require.resolve(tool);
    return true;
  } catch {
    return false;
  }
}

function unlinkGlobalLinkToThisClone() {
  if (!env.npm_config_prefix) return;
  const entry = join(env.npm_config_prefix, 'lib', 'node_modules', name);
  try {
    if (!lstatSync(entry).isSymbolicLink() || realpathSync(entry) !== realpathSync(root)) return;
  } catch {
    return;
  }
  unlinkSync(entry);
  mkdirSync(entry);
}

if (globalGitPreparation) {
  // npm runs this script again on the clone before packing it, outside the nested install:
  // the build happens then
  unlinkGlobalLinkToThisClone();
  process.exit(0);
}

if (!buildToolsInstalled()) {
  const npm = env.npm_execpath;
  if (!npm) {
    console.error('prepare: the build tools are not installed; run `npm ci` first');
    process.exit(1);
  }
  console.error('prepare: installing the build tools into this directory (npm/cli#8440)');
  const args = ['ci', '--global=false', `--prefix=${root}`, '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const result = spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0 || !buildToolsInstalled()) {
    console.error('prepare: could not install the build tools');
    process.exit(1);
  }
}

await import('./build.mjs');
