// `aws --version`: the real CLI's layout with this project's own name and numbers:
// aws-cli/<version> Node/<node version> <OS>/<kernel release> <source>/<machine>[.<distribution>]
// where <source> says how it was installed, as the real CLI's does: `source` for the package,
// `exe` for the standalone executable (the real self-contained installer says `exe` too).
import { readFileSync } from 'node:fs';
import { machine, release, type } from 'node:os';
import { isSea } from 'node:sea';
import pkg from '../../package.json' with { type: 'json' };

export function versionLine(env: NodeJS.ProcessEnv): string {
  let line = `aws-cli/${pkg.version} Node/${process.versions.node} ${type()}/${release()}`;
  if (env.AWS_EXECUTION_ENV !== undefined) line += ` exec-env/${env.AWS_EXECUTION_ENV}`;
  line += ` ${isSea() ? 'exe' : 'source'}/${machine()}`;
  const distribution = linuxDistribution();
  if (distribution) line += `.${distribution}`;
  return line;
}

/** `debian.12` from /etc/os-release, as the CLI's `distro` package reports it. */
function linuxDistribution(): string | undefined {
  if (type() !== 'Linux') return undefined;
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const field = (name: string) => new RegExp(`^${name}=("?)(.*)\\1$`, 'm').exec(text)?.[2];
    const id = field('ID') ?? 'unknown';
    const major = field('VERSION_ID')?.split('.')[0];
    return major ? `${id}.${major}` : id;
  } catch {
    return 'unknown';
  }
}
