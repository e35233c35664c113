// One completion: what the shell completer prints and the prompt's menu shows.
import type { CliOption } from '../model/cli-options';

export interface Candidate {
  /** What replaces the word being completed. */
  readonly name: string;
  /** What a menu shows, when it differs from the name (file names, choices). */
  readonly display?: string;
  /** A short description a menu shows beside the name. */
  readonly meta?: string;
  readonly required?: boolean;
  readonly type?: string;
  readonly option?: CliOption;
}
