// When output is coloured. `--color on|off|auto` (default auto) decides for command output: the
// table format colours its cells when it is on, or auto and stdout is a terminal. The real CLI
// ignores NO_COLOR there. The auto-prompt's screen honours NO_COLOR (a non-empty value), as the
// prompt library the real CLI uses does, and is otherwise always coloured.

export type ColorSetting = 'on' | 'off' | 'auto';

/** Whether command output (tables) is coloured. */
export function outputInColor(setting: string | undefined, stdoutIsTty: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return stdoutIsTty;
}

/** Whether the auto-prompt draws in colour. */
export function promptInColor(env: NodeJS.ProcessEnv): boolean {
  return !env.NO_COLOR;
}
