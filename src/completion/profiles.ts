// Profile names for --profile: the config file's profiles, then the credentials file's, each
// once (sso-session and services sections are not profiles).
import { homedir } from '../util/builtins';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIni } from '../config/ini';
import { expandUser, expandVars } from '../util/paths';

function sections(path: string): string[] {
  try {
    return [...parseIni(readFileSync(path, 'utf8')).keys()];
  } catch {
    return [];
  }
}

export function profileNames(env: NodeJS.ProcessEnv): string[] {
  const home = () => env.HOME ?? homedir();
  const resolve = (p: string) => expandUser(expandVars(p, env), env, homedir);
  const configPath = resolve(env.AWS_CONFIG_FILE ?? join(home(), '.aws', 'config'));
  const credentialsPath = resolve(env.AWS_SHARED_CREDENTIALS_FILE ?? join(home(), '.aws', 'credentials'));
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const section of sections(configPath)) {
    if (section === 'default') add(section);
    else if (/^profile\s+/.test(section)) add(section.replace(/^profile\s+/, '').trim());
  }
  for (const section of sections(credentialsPath)) add(section);
  return names;
}
