// Bundles each entry point into one ES module under dist/ (run by `npm ci` via `prepare`).
// Why a bundle: parsing node_modules file by file dominates start-up; code splitting keeps
// the SDK, JMESPath, YAML and table code out of the paths that do not need them.
// The new bundle is built beside dist/ and swapped in, so a running test never sees half a build.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const staging = `${root}dist.${process.pid}`;
const retired = `${root}dist.old.${process.pid}`;

await build({
  entryPoints: {
    aws: 'src/cli/main.ts',
    'aws-ipam-emulator': 'src/emulator/bin.ts',
    aws_completer: 'src/completion/main.ts',
  },
  absWorkingDir: root,
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // the SDK's ES module builds tree-shake far better than its CommonJS ones
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

try {
  renameSync(`${root}dist`, retired);
} catch {
  // first build: nothing to retire
}
renameSync(staging, `${root}dist`);
rmSync(retired, { recursive: true, force: true });
