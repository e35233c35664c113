// Finding the AWS CLI named by AWS_CLI_FALLBACK: a path (anything with a `/`), or a name looked up
// on PATH as a shell would — skipping this clone's own entries, so that `AWS_CLI_FALLBACK=aws`
// finds the real CLI installed behind ours. Links are followed to tell what is this clone.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { isSea } from 'node:sea';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** What this clone is on disk: its package directory, or its own executable when standalone. */
export interface Self {
  /** A file is this clone when its real path is inside one of these directories… */
  readonly directories: readonly string[];
  /** …or is one of these files. */
  readonly files: readonly string[];
}

/** This running clone: the package around the started script, or the standalone executable. */
export function currentSelf(): Self {
  const files: string[] = [];
  const directories: string[] = [];
  const script = process.argv[1];
  if (isSea()) files.push(realOrSame(process.execPath));
  else if (script) directories.push(dirname(dirname(realOrSame(script))));
  return { directories, files };
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function isSelf(path: string, self: Self): boolean {
  const real = realOrSame(path);
  return self.files.includes(real) || self.directories.some((dir) => real === dir || real.startsWith(dir + sep));
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** AWS_CLI_FALLBACK cannot be used (the CLI reports it as a general error, exit 255). */
export class FallbackUnusable extends Error {
  constructor(value: string, reason: string) {
    super(`Cannot hand this command line to AWS_CLI_FALLBACK ("${value}"): ${reason}`);
  }
}

/** The executable AWS_CLI_FALLBACK names, checked; throws FallbackUnusable. */
export function locateFallback(value: string, env: NodeJS.ProcessEnv, cwd: string, self: Self): string {
  if (value.includes('/')) {
    const path = isAbsolute(value) ? value : resolve(cwd, value);
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw new FallbackUnusable(value, 'no such file');
    }
    if (!isFile || !isExecutableFile(path)) throw new FallbackUnusable(value, 'not an executable file');
    if (isSelf(path, self)) throw new FallbackUnusable(value, 'it is this CLI itself');
    return path;
  }
  for (const candidate of onPath(value, env, cwd)) {
    if (isExecutableFile(candidate) && !isSelf(candidate, self)) return candidate;
  }
  throw new FallbackUnusable(value, `no other "${value}" found on PATH`);
}

/** `dir/name` for each PATH entry, in order (an empty entry is the current directory, as in sh). */
function onPath(name: string, env: NodeJS.ProcessEnv, cwd: string): string[] {
  return (env.PATH ?? '').split(delimiter).map((dir) => join(dir ? resolve(cwd, dir) : cwd, name));
}

/** The other CLI's `aws_completer`: beside the name it was found under, or beside its real file. */
export function locateFallbackCompleter(fallback: string, self: Self): string | undefined {
  for (const dir of [dirname(fallback), dirname(realOrSame(fallback))]) {
    const completer = join(dir, 'aws_completer');
    if (isExecutableFile(completer) && !isSelf(completer, self)) return completer;
  }
  return undefined;
}
