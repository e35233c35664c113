// Which command lines this clone answers itself when another AWS CLI stands behind it
// (AWS_CLI_FALLBACK): `aws ec2 release-ipam-pool-allocation …` (its help included) and
// `aws --version`. Everything else — other services and operations, misspellings, bare `aws`,
// `aws help`, `aws ec2 help`, `aws configure` — belongs to the other CLI.
//
// The command words are found the way the CLI's main parser finds them (argparse's rules, global
// options anywhere, their values skipped), but without checking any value: `aws --output xml s3 ls`
// is still a command line for the other CLI, which then reports the bad value itself.
import { parseKnownArgs, ArgumentParseError, VersionRequested, type ParserSpec } from '../../util/argparse';
import { mainCommand, serviceCommand, specOf, type Declaration } from '../parsers';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../../model/operation';

const anyWord = { has: () => true, list: () => [] };

/**
 * The parser's declarations with nothing that can fail but an ambiguous option: no choice lists,
 * nothing required, a missing option value is not an error.
 */
function lenient(declaration: Declaration): ParserSpec {
  const spec = specOf(declaration);
  return {
    options: spec.options.map((option) => ({
      ...option,
      choices: undefined,
      required: false,
      nargs: option.nargs === 'one' ? 'optional' : option.nargs,
    })),
    positionals: spec.positionals.map((positional) => ({ ...positional, choices: undefined, nargs: 'optional' })),
  };
}

export function isOwnCommandLine(argv: readonly string[]): boolean {
  try {
    const main = parseKnownArgs(lenient(mainCommand(anyWord)), argv);
    if (main.values.command !== operation.service) return false;
    const service = parseKnownArgs(lenient(serviceCommand(anyWord)), main.extras);
    return service.values.operation === operationCliName(operation);
  } catch (error) {
    // `--version` is answered before any command word is looked at
    if (error instanceof VersionRequested) return true;
    // an ambiguous option (`--c`) or a value given to a flag (`--debug=1`): the command words
    // cannot be told apart; the error the CLI prints is the same either way, and ours is 2.33.31's
    if (error instanceof ArgumentParseError) return true;
    throw error;
  }
}
