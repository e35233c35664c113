// The usage lines the CLI's parsers print under their errors.
import { globalFlags } from '../model/globals';

/** Under every parser's errors but the first pass's. */
export const USAGE =
  'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

/** Under the first pass's errors, built from its own declarations. */
export const firstPassUsage = `usage: aws [${globalFlags.profile} PROFILE] [${globalFlags.debug}]\n`;
