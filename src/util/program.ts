// Finding a program as the shell (execvp) finds it: a name with a `/` is taken as it is, any other
// name is looked for in each PATH directory in turn (an empty entry is the current directory).
// Shared by the pager check (runtime/pager-command.ts) and AWS_CLI_FALLBACK (util/fallback-cli.ts).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** What is at a path, as exec sees it: a file it can run, something it cannot, or nothing. */
export type ProgramFile = 'executable' | 'not-executable' | 'missing';

export function inspectProgram(path: string): ProgramFile {
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

/** The absolute paths exec would try for `name`, in order, with `pathVariable` as PATH. */
export function programCandidates(name: string, pathVariable: string, cwd: string): string[] {
  if (name.includes('/')) return [resolve(cwd, name)];
  return pathVariable.split(delimiter).map((dir) => resolve(cwd, join(dir, name)));
}
