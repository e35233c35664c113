// Bundles each entry point into dist/<name>.cjs plus lazily loaded chunks (run by `npm ci` via `prepare`).
// Why a bundle: parsing node_modules file by file dominates start-up; code splitting keeps
// the SDK, JMESPath, YAML and table code out of the paths that do not need them; rolldown then
// re-chunks esbuild's output into fewer, CommonJS files (see below).
// The new bundle is built beside dist/ and swapped in, so a running test never sees half a build.
import { build } from 'esbuild';
import { rolldown } from 'rolldown';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkApplied, sdkPatches } from './sdk-patches.mjs';
import { warmUpCodeCaches } from './warm-up.mjs';

const root = new URL('..', import.meta.url).pathname;

const staging = `${root}dist.${process.pid}`;
const split = `${root}dist.esbuild.${process.pid}`;
const retired = `${root}dist.old.${process.pid}`;

// Only commander's declaration classes are used (see scripts/commander-declarations.cjs).
const commanderDeclarationsOnly = {
  name: 'commander-declarations-only',
  setup(b) {
    b.onResolve({ filter: /^commander$/ }, () => ({ path: `${root}scripts/commander-declarations.cjs` }));
  },
};

const ENTRY_POINTS = {
  aws: 'src/cli/main.ts',
  'aws-ipam-emulator': 'src/emulator/bin.ts',
  aws_completer: 'src/completion/main.ts',
};

const result = await build({
  entryPoints: ENTRY_POINTS,
  absWorkingDir: root,
  outdir: split,
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
  plugins: [sdkPatches, commanderDeclarationsOnly],
  // what went into which file: it decides the call path's file below (BUILD_METAFILE=<path> keeps it)
  metafile: true,
});

checkApplied();
if (process.env.BUILD_METAFILE) writeFileSync(process.env.BUILD_METAFILE, JSON.stringify(result.metafile));

// Re-chunk esbuild's output with rolldown, as CommonJS. Node 20 starts an ES module entry ~8 ms
// slower than a CommonJS one (its ES module loader has to be set up first), and `import()` of a
// lazy chunk costs more than `require()`: CommonJS files take ~10 ms off every start and ~25 ms
// off a call. (esbuild splits only ES modules; rolldown turns `import()` into a lazy require().)
// esbuild puts every module that the start-up path shares
// with a lazily imported one into a chunk of its own (one per set of importers), so a usage error
// loaded 17 files; rolldown knows that what the entry imports statically is already loaded when
// its dynamic imports run, and keeps those modules in the entry. Fewer files: ~15 ms less per
// start on the paths that never reach the SDK. esbuild stays for what it does well here (TypeScript,
// tree-shaking the SDK with the plugins above).
// One pass per entry point, so that what the emulator or the completer shares with `aws` does not
// split `aws`'s start-up modules into more files.
const { startPath, callPath } = loadPaths(result.metafile);
for (const name of ['aws', 'aws-ipam-emulator', 'aws_completer']) {
  const rechunk = await rolldown({
    input: { [name]: `${split}/${name}.js` },
    platform: 'node',
    external: [/^node:/],
    // esbuild has tree-shaken already; a second pass would only cost build time
    treeshake: false,
    // the entries export main() (started by dist/launch.cjs); letting rolldown add exports to an entry
    // keeps the modules a lazily loaded chunk shares with it inside the entry, not in more files
    preserveEntrySignatures: 'allow-extension',
    logLevel: 'warn',
  });
  await rechunk.write({
    // A full call loads its modules in one file: ~20 files cost ~3 ms more to find, read and hand to V8
    // than the same code in one (the credential sources other than the environment and files, the
    // output formats other than JSON, the prompt etc. stay in files of their own).
    // What every start loads stays in dist/aws.cjs: left to itself, rolldown kept the esbuild chunk
    // shared by the start and most lazy modules (util/python.ts) in a file of its own, one more to read.
    ...(name === 'aws'
      ? {
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              { name: 'aws', test: (id) => startPath.has(id) },
              { name: 'call', test: (id) => callPath.has(id) },
            ],
          },
        }
      : {}),
    dir: staging,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    // `import('node:http')` in the SDK becomes a require(): the code-cache loader compiles files with
    // vm.Script, which has no ES module loader behind import()
    dynamicImportInCjs: false,
    // escapes, so that every file is ASCII (read as latin-1 below); no comments to read either
    charset: 'ascii',
    comments: false,
  });
  await rechunk.close();
}
rmSync(split, { recursive: true, force: true });
// Each file is written as the function the loader calls (src/startup/code-cache.ts): the loader hands
// the file's text to V8 as it is, instead of a copy with CommonJS's wrapper around it (~1.3 MB less
// peak memory for a call, and the text is read as latin-1, one byte a character: the files are ASCII).
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {\n', '\n})'];
for (const file of readdirSync(staging, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.cjs')) continue;
  const text = readFileSync(join(staging, file), 'utf8');
  if (/\bimport\(/.test(text)) throw new Error(`build: ${file} still calls import(), which the code-cache loader cannot run`);
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`build: ${file} is not ASCII, which the code-cache loader reads it as`);
  writeFileSync(join(staging, file), WRAPPER[0] + text + WRAPPER[1]);
}

/**
 * startPath: the esbuild files every start loads (the entry and what it imports statically);
 * callPath: those a full call loads after them, what the lazily imported modules below import statically.
 */
function loadPaths(metafile) {
  const CALL_PATH_ENTRIES = ['src/cli/call.ts', 'src/call/credentials/chain.ts', 'src/call/invoke.ts'];
  const staticClosure = (start) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of metafile.outputs[file].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    start.forEach(visit);
    return seen;
  };
  const outputs = Object.entries(metafile.outputs);
  /** esbuild's output file for a source it was given as an entry or found behind an import(). */
  const outputOf = (source) => {
    const found = outputs.find(([, o]) => o.entryPoint === source);
    if (!found) throw new Error(`build: no output file for ${source}`);
    return found[0];
  };
  const loadedAtStart = staticClosure([outputOf(ENTRY_POINTS.aws)]);
  const call = staticClosure(CALL_PATH_ENTRIES.map(outputOf));
  return {
    startPath: new Set([...loadedAtStart].map((file) => join(root, file))),
    callPath: new Set([...call].filter((file) => !loadedAtStart.has(file)).map((file) => join(root, file))),
  };
}

// dist/launch.cjs: what bin/*.js start; it loads the bundle with the code caches made below.
await build({
  entryPoints: { launch: 'src/startup/code-cache.ts' },
  absWorkingDir: root,
  outdir: staging,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

try {
  renameSync(`${root}dist`, retired);
} catch {
  // first build: nothing to retire
}
renameSync(staging, `${root}dist`);
rmSync(retired, { recursive: true, force: true });
// After the swap: V8 keeps the file name a cache was made under (stack traces, profiles).
// BUILD_CACHE_NODES (paths of other Node binaries, separated by `:`) adds their caches, for a
// package that is fast on every supported Node (scripts/package.mjs sets it).
const cacheNodes = [process.execPath, ...(process.env.BUILD_CACHE_NODES ?? '').split(':').filter(Boolean)];
await warmUpCodeCaches(`${root}dist`, cacheNodes);
