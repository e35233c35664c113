// The pager command line, read as the CLI reads it (shlex), and found as the shell finds a program:
// a name with a `/` as it is, otherwise the first executable file of that name on PATH. Used to
// run the pager (pager.ts) and, before a request whose answer will be paged, to refuse a pager that
// cannot be started before anything is sent (Io.checkPagerStarts).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { GeneralError, PagerError } from './errors';
import { shlexSplit, ShlexError } from '../util/shlex';
import { osErrorText } from '../util/oserror';

/** The pager's argv; the CLI's errors for a command it cannot split. */
export function pagerArgv(command: string): string[] {
  let argv: string[];
  try {
    argv = shlexSplit(command);
  } catch (error) {
    if (error instanceof ShlexError) throw new GeneralError(error.message);
    throw error;
  }
  if (argv.length === 0) throw new GeneralError('list index out of range');
  return argv;
}

/** Python's default search path when PATH is not set (os.defpath). */
const DEFAULT_PATH = ':/bin:/usr/bin';

type Found = 'executable' | 'not-executable' | 'missing';

function inspect(path: string): Found {
  try {
    if (!statSync(path).isFile()) return 'not-executable';
  } catch {
    return 'missing';
  }
  try {
    accessSync(path, constants.X_OK);
    return 'executable';
  } catch {
    return 'not-executable';
  }
}

/**
 * Throws the error starting the pager would raise when no program can be started under its name
 * (execvp's search: a file found but not executable is remembered and the search goes on).
 */
export function checkPagerStarts(command: string, env: NodeJS.ProcessEnv, cwd: string): void {
  const name = pagerArgv(command)[0]!;
  const candidates = name.includes('/') ? [name] : (env.PATH ?? DEFAULT_PATH).split(delimiter).map((dir) => join(dir, name));
  let deniedSomewhere = false;
  for (const candidate of candidates) {
    const found = inspect(resolve(cwd, candidate));
    if (found === 'executable') return;
    if (found === 'not-executable') deniedSomewhere = true;
  }
  throw new PagerError(osErrorText({ code: deniedSomewhere ? 'EACCES' : 'ENOENT' }, name));
}
