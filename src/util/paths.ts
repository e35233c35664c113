// Python's os.path.expanduser, os.path.expandvars and os.path.isfile, which the CLI applies to file paths.
import { statSync } from 'node:fs';

/** `~` and `~user` at the start of a path. */
export function expandUser(path: string, env: NodeJS.ProcessEnv, home: () => string): string {
  if (!path.startsWith('~')) return path;
  const slash = path.indexOf('/');
  const head = slash === -1 ? path : path.slice(0, slash);
  const rest = slash === -1 ? '' : path.slice(slash);
  if (head !== '~') return path; // other users' homes are not looked up
  const base = env.HOME ?? home();
  return (base.replace(/\/+$/, '') || '/') + rest;
}

/** `$NAME` and `${NAME}`; unknown variables are left as they are. */
export function expandVars(path: string, env: NodeJS.ProcessEnv): string {
  if (!path.includes('$')) return path;
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = env[key];
    return value === undefined ? whole : value;
  });
}

/** os.path.isfile: a regular file (links followed); false for anything that cannot be looked at. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
