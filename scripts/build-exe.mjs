// `npm run build:exe`: the standalone executable dist/exe/aws (Linux x64), a Node.js single
// executable application that runs where no Node is installed. Inside: Node 26 (the active LTS;
// EXE_NODE=<path of a node binary, 25.5 or later> chooses another), the bundle's files as assets
// with the V8 code caches made for that Node, and src/startup/standalone.ts to run them.
// `aws_completer` and `aws-ipam-emulator` beside it are links to the same file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBinaryFor } from './supported-nodes.mjs';
import { warmUpCodeCaches } from './warm-up.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const out = join(dist, 'exe');

/** The Node to put inside: EXE_NODE, or Node 26 (this one, or the npm registry's `node` package). */
const exeNode = () => (process.env.EXE_NODE ? realpathSync(process.env.EXE_NODE) : nodeBinaryFor(26));

if (!existsSync(join(dist, 'aws.cjs'))) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const node = exeNode();
const v8 = execFileSync(node, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).trim();
const caches = join(dist, 'code-cache', v8);
if (!existsSync(caches)) await warmUpCodeCaches(dist, [node]);

const work = mkdtempSync(join(tmpdir(), 'aws-build-exe-'));
try {
  await build({
    entryPoints: [join(root, 'src', 'startup', 'standalone.ts')],
    outfile: join(work, 'main.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
  });
  const assets = {};
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.cjs') && file !== 'launch.cjs' && !file.startsWith('exe/')) assets[file] = join(dist, file);
  }
  for (const file of readdirSync(caches)) assets[`code-cache/${file}`] = join(caches, file);
  const config = {
    main: join(work, 'main.cjs'),
    executable: node,
    output: join(work, 'aws'),
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    // NODE_OPTIONS and the like are the user's settings for their own Node programs, not for this one
    execArgvExtension: 'none',
    assets,
  };
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
  execFileSync(node, ['--build-sea', join(work, 'sea-config.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync('cp', [join(work, 'aws'), join(out, 'aws')]);
  for (const name of ['aws_completer', 'aws-ipam-emulator']) symlinkSync('aws', join(out, name));
  const version = execFileSync(join(out, 'aws'), ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } }).trim();
  console.error(`build:exe: ${join(out, 'aws')} (${version})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
