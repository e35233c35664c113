// `aws_completer`: shell completion for bash (`complete -C aws_completer aws`) and zsh (with
// bashcompinit). The shell passes the line in COMP_LINE and the cursor in COMP_POINT (tcsh:
// COMMAND_LINE); the completions are printed one a line. Loads neither the SDK nor commander.
import { complete } from './complete';

const line = process.env.COMP_LINE || process.env.COMMAND_LINE || '';
const point = Number.parseInt(process.env.COMP_POINT ?? '', 10);
let names: string[] = [];
try {
  names = complete(line, Number.isNaN(point) ? line.length : point, process.env, process.cwd()).map((c) => c.name);
} catch {
  // completion must never print an error into the user's command line
}
process.stdout.write(names.join('\n') + '\n');
