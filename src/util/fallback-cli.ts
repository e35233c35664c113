// Finding the AWS CLI named by AWS_CLI_FALLBACK: a path (anything with a `/`), or a name looked up
// on PATH as a shell would — skipping this clone's own entries, so that `AWS_CLI_FALLBACK=aws`
// finds the real CLI installed behind ours. Links are followed to tell what is this clone.
import { realpathSync } from 'node:fs';
import { isSea } from 'node:sea';
import { dirname, join, resolve, sep } from 'node:path';
import { inspectProgram, programCandidates } from './program';

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

/** AWS_CLI_FALLBACK cannot be used (the CLI reports it as a general error, exit 255). */
export class FallbackUnusable extends Error {
  constructor(value: string, reason: string) {
    super(`Cannot hand this command line to AWS_CLI_FALLBACK ("${value}"): ${reason}`);
  }
}

/** The executable AWS_CLI_FALLBACK names, checked; throws FallbackUnusable. */
export function locateFallback(value: string, env: NodeJS.ProcessEnv, cwd: string, self: Self): string {
  const candidates = programCandidates(value, env.PATH ?? '', cwd);
  if (value.includes('/')) {
    const path = candidates[0]!;
    const found = inspectProgram(path);
    if (found === 'missing') throw new FallbackUnusable(value, 'no such file');
    if (found === 'not-executable') throw new FallbackUnusable(value, 'not an executable file');
    if (isSelf(path, self)) throw new FallbackUnusable(value, 'it is this CLI itself');
    return path;
  }
  for (const candidate of candidates) {
    if (inspectProgram(candidate) === 'executable' && !isSelf(candidate, self)) return candidate;
  }
  throw new FallbackUnusable(value, `no other "${value}" found on PATH`);
}

/** The other CLI's `aws_completer`: beside the name it was found under, or beside its real file. */
export function locateFallbackCompleter(fallback: string, self: Self): string | undefined {
  for (const dir of [dirname(fallback), dirname(realOrSame(fallback))]) {
    const completer = join(dir, 'aws_completer');
    if (inspectProgram(completer) === 'executable' && !isSelf(completer, self)) return completer;
  }
  return undefined;
}
