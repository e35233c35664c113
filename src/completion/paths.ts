// file:// and fileb:// values: the entries of the directory typed so far (hidden ones too,
// directories marked with a trailing slash), sorted by name, as the real completer lists them.
import { homedir } from '../util/builtins';
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Candidate } from './candidate';

export function pathCompletions(fragment: string, env: NodeJS.ProcessEnv, cwd: string): Candidate[] {
  const prefix = fragment.startsWith('fileb://') ? 'fileb://' : 'file://';
  const typed = fragment.slice(prefix.length);
  // a lone ~ completes to the home directory itself
  if (typed === '~') return [{ name: `${prefix}~/` }];
  let dir = pyDirname(typed);
  if (dir && dir !== '/') dir += '/';
  const home = env.HOME ?? homedir();
  const expanded = dir.startsWith('~') ? home + dir.slice(1) : dir;
  const listed = expanded === '' ? cwd : isAbsolute(expanded) ? expanded : join(cwd, expanded);
  let names: string[];
  try {
    names = readdirSync(listed).sort(byCodePoint);
  } catch {
    return [];
  }
  const start = typed.slice(typed.lastIndexOf('/') + 1);
  const out: Candidate[] = [];
  for (const name of names) {
    let display = name;
    try {
      if (statSync(join(listed, name)).isDirectory()) display += '/';
    } catch {
      // a dangling link is listed as a file
    }
    if (display.startsWith(start)) out.push({ name: `${prefix}${dir}${display}`, display });
  }
  return out;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Python's os.path.dirname: what precedes the last slash, without trailing slashes (`sub/` → `sub`). */
function pyDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
}
