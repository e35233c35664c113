// The standalone executable's entry point (dist/exe/aws, a Node single executable application
// built by scripts/build-exe.mjs). The bundle's files travel inside the executable as assets —
// each dist/*.cjs and dist/chunks/*.cjs, with the V8 code cache the build made for the Node inside
// — and are run from there by a small CommonJS loader: the bundle only ever requires its own files
// (relative paths) and Node built-ins.
//
// One file serves all three commands, chosen by the name it is started under: `aws_completer`
// and `aws-ipam-emulator` (links or copies of it), anything else is `aws`.
import { builtinModules, createRequire, wrap } from 'node:module';
import { getAsset } from 'node:sea';
import { Script } from 'node:vm';
import { basename, posix } from 'node:path';

interface LoadedModule {
  exports: unknown;
}

const loaded = new Map<string, LoadedModule>();
const requireBuiltin = createRequire(process.execPath);
const builtins = new Set(builtinModules);
/** Where the bundle's files appear to live (only names: nothing is read from there). */
const virtualRoot = posix.join(posix.dirname(process.execPath), '[standalone]');

/** An asset's bytes, or undefined when the executable has none under that key. */
function asset(key: string): ArrayBuffer | undefined {
  try {
    return getAsset(key);
  } catch {
    return undefined;
  }
}

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
}

function requireFrom(dir: string, id: string): unknown {
  if (id.startsWith('./') || id.startsWith('../')) return load(posix.normalize(posix.join(dir, id)));
  if (id.startsWith('node:') || builtins.has(id)) return requireBuiltin(id);
  throw notFound(id); // an optional dependency the bundle tries and does without
}

function load(key: string): unknown {
  const cached = loaded.get(key);
  if (cached) return cached.exports;
  const source = asset(key);
  if (!source) throw notFound(key);
  const module: LoadedModule = { exports: {} };
  loaded.set(key, module);
  const cache = asset(`code-cache/${key.split('/').join('__')}.v8`);
  const filename = posix.join(virtualRoot, key);
  const script = new Script(wrap(Buffer.from(source).toString('utf8')), {
    filename,
    cachedData: cache && new Uint8Array(cache),
  });
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  const dir = posix.dirname(key);
  body.call(module.exports, module.exports, (id: string) => requireFrom(dir, id), module, filename, posix.dirname(filename));
  return module.exports;
}

const COMMANDS: Record<string, string> = { aws_completer: 'aws_completer', 'aws-ipam-emulator': 'aws-ipam-emulator' };
const entry = load(`${COMMANDS[basename(process.argv0)] ?? 'aws'}.cjs`) as { main(): unknown };
void entry.main();
