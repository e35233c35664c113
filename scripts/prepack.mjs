// `prepack` (npm pack, npm publish): builds dist/ once, then writes the manifest users install:
// package.json without the scripts and development fields. A tarball's `prepare` script never runs
// on install, but npm still lists it as an install script the user has not allowed, with advice
// that changes nothing. `postpack` (scripts/postpack.mjs) puts the full package.json back.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = join(root, 'package.json');
const kept = join(root, 'package.json.full');

if (existsSync(kept)) {
  console.error(`prepack: ${kept} is left from an interrupted pack; move it back to package.json first`);
  process.exit(1);
}
await import('./build.mjs');
const full = JSON.parse(readFileSync(manifest, 'utf8'));
const { scripts: _scripts, devDependencies: _dev, overrides: _overrides, ...installed } = full;
copyFileSync(manifest, kept);
writeFileSync(manifest, JSON.stringify(installed, null, 2) + '\n');
