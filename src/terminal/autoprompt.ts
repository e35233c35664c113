// Auto-prompt (--cli-auto-prompt, AWS_CLI_AUTO_PROMPT, cli_auto_prompt). Issue 5.
import type { Io } from '../cli/io';

/** The command line to run: the one given, or the one the user completed in the prompt. */
export async function promptIfWanted(argv: readonly string[], _io: Io): Promise<readonly string[]> {
  return argv;
}
