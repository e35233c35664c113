// Starts an entry point of the bundle (dist/<entry>.cjs) with V8 code caches made at build time.
//
// Why: most of a call's start-up is V8 parsing and compiling ~0.5 MB of bundled SDK code, and
// Node 20 has no compile cache of its own (module.enableCompileCache is Node 22+). The build runs
// each path once (scripts/build.mjs, "warm-up") and keeps, per bundle file, the code V8 compiled
// for it (vm.Script#createCachedData after the run, so it holds the functions that ran, not only
// the top level). Later starts hand that to V8 instead of compiling: ~25 ms off a call.
//
// V8 accepts a cache only from its own version, so the caches are kept per V8 version
// (dist/code-cache/<V8 version>/): a package can carry them for every supported Node (the build
// makes one set per Node it is given, see scripts/build.mjs). On a Node the package has no caches
// for, the files go to Node's own CommonJS compiler instead, with Node's compile cache (Node 22+:
// made at the first run under NODE_COMPILE_CACHE or <tmp>/node-compile-cache) — slower to start,
// the same results.
//
// The bundle's files (.cjs) are not CommonJS modules as Node's loader reads them: the build writes
// each as the function CommonJS would wrap its body in, `(function (exports, require, module,
// __filename, __dirname) { … })`, so that V8 is given the file's text itself rather than a copy
// with the wrapper around it (peak memory), read as latin-1 (the build checks they are ASCII).
// This installs the loader for that extension only, and only for files inside dist/. A cache is
// used when it is not older than its file; V8 itself refuses one made with other V8 flags, and the
// file is then compiled as usual. This loader writes nothing at run time. (v8-compile-cache, the
// usual library for this, makes its cache at first compile — the top level only — and writes it to
// the temp directory of whoever runs the command.)
import { Script } from 'node:vm';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** What the loader did, for the tests (a cache that V8 silently refuses would only cost speed). */
export const codeCacheReport = { accepted: 0, rejected: 0, missing: 0 };

interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  /** Node's CommonJS compiler (wraps the body, uses Node's compile cache when it is on). */
  _compile(body: string, filename: string): void;
}
type ExtensionLoader = (module: CommonJsModule, filename: string) => void;
/**
 * Node's Module class, as the module object's constructor: an `import` of node:module would copy
 * every property of it into an ES module namespace first (esbuild's interop), at every start.
 */
const Module = module.constructor as unknown as { _extensions: Record<string, ExtensionLoader>; enableCompileCache?: () => unknown };
const extensions = Module._extensions;

/** dist/: this file is bundled to dist/launch.cjs. */
const distDir = __dirname;

/** The caches for the V8 running now (a V8 version is a safe directory name: digits, dots, `-node.N`). */
const cacheDir = join(distDir, 'code-cache', process.versions.v8);

function cacheFileFor(filename: string): string {
  return join(cacheDir, `${relative(distDir, filename).split(sep).join('__')}.v8`);
}

/** The build's cache for a bundle file, unless the file changed after it was made. */
function readCache(filename: string): Buffer | undefined {
  const cacheFile = cacheFileFor(filename);
  try {
    if (statSync(cacheFile).mtimeMs < statSync(filename).mtimeMs) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** A bundle file's body: its text without the function around it (scripts/build.mjs writes `(function (…) {\n…\n})`). */
function bodyOf(text: string): string {
  return text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'));
}

function installLoader(keepScript?: (filename: string, script: Script) => void): void {
  const plainLoader = extensions['.js'];
  // no caches for this V8 (and not making them): Node's own compiler, with its compile cache
  const nodeCompiles = !keepScript && !existsSync(cacheDir);
  if (nodeCompiles) Module.enableCompileCache?.();
  extensions['.cjs'] = (module, filename) => {
    if (relative(distDir, filename).startsWith('..')) return plainLoader(module, filename);
    if (nodeCompiles) {
      codeCacheReport.missing++;
      return module._compile(bodyOf(readFileSync(filename, 'latin1')), filename);
    }
    const cachedData = keepScript ? undefined : readCache(filename);
    const script = new Script(readFileSync(filename, 'latin1'), { filename, cachedData });
    if (!cachedData) codeCacheReport.missing++;
    else if (script.cachedDataRejected) codeCacheReport.rejected++;
    else codeCacheReport.accepted++;
    keepScript?.(filename, script);
    const body = script.runInThisContext() as (...args: unknown[]) => void;
    // The bundle only ever calls require(id); Node's own require adds resolve/cache/main, unused here.
    const requireFromModule = (id: string): unknown => module.require(id);
    body.call(module.exports, module.exports, requireFromModule, module, filename, dirname(filename));
  };
}

/** What each entry of the bundle exports: the program, started by the loader. */
interface EntryModule {
  main(): unknown;
}

/** Runs dist/<entry>.cjs as the program (what bin/<entry>.js does). */
export function launch(entry: string): void {
  installLoader();
  void (require(join(distDir, `${entry}.cjs`)) as EntryModule).main();
}

/**
 * Build time only: runs dist/<entry>.cjs with `args` as its command line and, when the process
 * exits, writes the code V8 compiled for each bundle file it loaded to
 * dist/code-cache/<V8 version>/. One run per process, the most common last (scripts/warm-up.mjs):
 * a file's cache then holds the functions of the last run that loaded it. (A cache made after
 * several runs in one process holds them all, and costs every path more to read than the
 * functions it spares compiling.)
 */
export function warmUp(entry: string, args: string[]): void {
  const scripts = new Map<string, Script>();
  installLoader((filename, script) => scripts.set(filename, script));
  process.on('exit', () => {
    mkdirSync(cacheDir, { recursive: true });
    for (const [filename, script] of scripts) {
      // written aside and renamed: a command starting meanwhile never reads half a cache
      const cacheFile = cacheFileFor(filename);
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    }
  });
  const entryFile = join(distDir, `${entry}.cjs`);
  process.argv = [process.argv[0] ?? process.execPath, entryFile, ...args];
  void (require(entryFile) as EntryModule).main();
}
