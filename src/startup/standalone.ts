// The standalone executable's entry point (dist/exe/aws, a Node single executable application
// built by scripts/build-exe.mjs). The bundle's files travel inside the executable as assets —
// each dist/*.cjs and dist/chunks/*.cjs, with the V8 code cache the build made for the Node inside
// — and are run from there by a small CommonJS loader: the bundle only ever requires its own files
// (relative paths) and Node built-ins.
//
// One file serves all three commands, chosen by the name it is started under: `aws_completer`
// and `aws-ipam-emulator` (links or copies of it), anything else is `aws`.
import { getAsset } from 'node:sea';
import { Script } from 'node:vm';
import { basename, posix } from 'node:path';

interface LoadedModule {
  exports: unknown;
}

const loaded = new Map<string, LoadedModule>();
// the main script's own require: in an executable it loads Node's built-in modules only
const requireBuiltin = require;
/** Where the bundle's files appear to live (only names: nothing is read from there). */
const VIRTUAL_ROOT = '/[standalone]';

/** An asset's bytes, or undefined when the executable has none under that key. */
function asset(key: string): ArrayBuffer | undefined {
  try {
    return getAsset(key);
  } catch {
    return undefined;
  }
}

/** A bundle file's source and code cache, from the executable's assets. */
const readBundleFile = (key: string): { source?: string; cache?: Uint8Array } => {
  const source = asset(key);
  const cache = asset(`code-cache/${key.split('/').join('__')}.v8`);
  return { source: source && Buffer.from(source).toString('latin1'), cache: cache && new Uint8Array(cache) };
};

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
}

function requireFrom(dir: string, id: string): unknown {
  if (id.startsWith('./') || id.startsWith('../')) return load(posix.normalize(posix.join(dir, id)));
  try {
    return requireBuiltin(id);
  } catch {
    throw notFound(id); // an optional dependency the bundle tries and does without
  }
}

function load(key: string): unknown {
  const cached = loaded.get(key);
  if (cached) return cached.exports;
  const { source, cache } = readBundleFile(key);
  if (source === undefined) throw notFound(key);
  const module: LoadedModule = { exports: {} };
  loaded.set(key, module);
  const filename = posix.join(VIRTUAL_ROOT, key);
  // each file is the function CommonJS would wrap its body in (see scripts/build.mjs)
  const script = new Script(source, { filename, cachedData: cache });
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  const dir = posix.dirname(key);
  body.call(module.exports, module.exports, (id: string) => requireFrom(dir, id), module, filename, posix.dirname(filename));
  return module.exports;
}

const COMMANDS: Record<string, string> = { aws_completer: 'aws_completer', 'aws-ipam-emulator': 'aws-ipam-emulator' };

function start(): void {
  const entry = load(`${COMMANDS[basename(process.argv0)] ?? 'aws'}.cjs`) as { main(): unknown };
  void entry.main();
}

start();
