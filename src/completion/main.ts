// `aws_completer`: shell completion for bash (`complete -C aws_completer aws`) and zsh (with
// bashcompinit). The shell passes the line in COMP_LINE and the cursor in COMP_POINT (tcsh:
// COMMAND_LINE); the completions are printed one a line. Loads neither the SDK nor commander.
// With AWS_CLI_FALLBACK naming another AWS CLI, lines outside this clone's command (other
// services, `aws <TAB>`, `aws ec2 <TAB>`) are completed by that CLI's own aws_completer.
import { complete, parseLine } from './complete';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../model/operation';
import { childProcess } from '../util/builtins';
import { currentSelf, locateFallback, locateFallbackCompleter } from '../util/fallback-cli';

function withinOwnCommand(line: string, point: number): boolean {
  const parsed = parseLine(line, point);
  return parsed.lineage.length === 2 && parsed.command?.name === operationCliName(operation);
}

function completeWithFallback(fallback: string): boolean {
  try {
    const self = currentSelf();
    const completer = locateFallbackCompleter(locateFallback(fallback, process.env, process.cwd(), self), self);
    if (!completer) return false;
    const result = childProcess().spawnSync(completer, [], { stdio: 'inherit', env: process.env, timeout: 10_000 });
    if (result.error) return false;
    process.exitCode = result.status ?? 1;
    return true;
  } catch {
    return false; // no usable fallback: this clone's own completions
  }
}

/** The entry point (called by the bundle's loader, src/startup/). */
export function main(): void {
  const line = process.env.COMP_LINE || process.env.COMMAND_LINE || '';
  const parsedPoint = Number.parseInt(process.env.COMP_POINT ?? '', 10);
  const point = Number.isNaN(parsedPoint) ? line.length : parsedPoint;
  const fallback = process.env.AWS_CLI_FALLBACK;
  if (fallback && !withinOwnCommand(line, point) && completeWithFallback(fallback)) return;
  let names: string[] = [];
  try {
    names = complete(line, point, process.env, process.cwd()).map((c) => c.name);
  } catch {
    // completion must never print an error into the user's command line
  }
  process.stdout.write(names.join('\n') + '\n');
}

