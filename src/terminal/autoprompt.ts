// Auto-prompt: whether to prompt (--cli-auto-prompt, --no-cli-auto-prompt, AWS_CLI_AUTO_PROMPT,
// the profile's cli_auto_prompt) and the seams cli/main.ts calls. The prompt itself lives in
// terminal/prompt/ and is loaded only when it is shown.
import { ExitCode, ParamValidationError, UsageError } from '../runtime/errors';
import type { RunContext } from '../runtime/context';
import { createSession, ProfileNotFoundError } from '../config/session';
import { globalFlags, versionOption } from '../model/globals';

export type AutoPromptMode = 'on' | 'on-partial' | 'off';

/** Words that turn the prompt off wherever they appear on the command line. */
const NO_PROMPT_WORDS: readonly string[] = ['help', versionOption.flag];

/** The mode, by the CLI's precedence: help/--version, the two flags, then the configuration. */
export function autoPromptMode(argv: readonly string[], ctx: RunContext): AutoPromptMode {
  if (argv.some((word) => NO_PROMPT_WORDS.includes(word))) return 'off';
  if (argv.includes(globalFlags.noCliAutoPrompt)) return 'off';
  if (argv.includes(globalFlags.cliAutoPrompt)) return 'on';
  let configured: string;
  try {
    // The CLI decides before it applies --profile: only AWS_PROFILE (or the default profile) counts.
    configured = createSession(ctx, undefined).autoPrompt();
  } catch (error) {
    // a profile that does not exist leaves the prompt off (the command then reports it)
    if (error instanceof ProfileNotFoundError) return 'off';
    throw error;
  }
  const mode = configured.toLowerCase();
  return mode === 'on' || mode === 'on-partial' ? mode : 'off';
}

/** Shows the prompt, prefilled with the command line; returns the command line to run. */
export async function promptForCommand(argv: readonly string[], ctx: RunContext): Promise<string[]> {
  const { runPrompt } = await import('./prompt/index');
  return runPrompt(argv, ctx);
}

/**
 * `on-partial`: runs the command once with parameter-validation messages silenced (they are
 * what the prompt then fixes); returns the exit code, having reported any other error.
 */
export async function runSilencingValidation(
  runCommand: () => Promise<number>,
  report: (error: unknown) => number,
): Promise<number> {
  try {
    return await runCommand();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ParamValidationError) return ExitCode.usage;
    return report(error);
  }
}
