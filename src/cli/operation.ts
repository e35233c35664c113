// The operation phase: parse the operation's parameters, read file:// values and the input
// document, answer --generate-cli-skeleton, then validate, call and print — in the real CLI's order.
import { parseKnownArgs, ArgumentParseError } from '../util/argparse';
import { UnknownOptionsError, UsageError, ExitCode } from '../runtime/errors';
import { operationCommand, specOf } from './parsers';
import type { CommandContext } from '../runtime/context';
import { flagOf } from '../model/names';
import type { Operation } from '../model/operation';
import { readParameterValue } from '../input/paramfile';
import { onlyOneCliInput } from '../input/cli-input';
import { cliInputFlags, inputFormats, skeletonFlag, type InputFormat } from '../model/cli-params';
import { inputSkeletonJson, inputSkeletonYaml } from '../input/skeleton';

export async function runOperation(
  op: Operation,
  args: readonly string[],
  ctx: CommandContext,
  showHelp: () => Promise<number>,
): Promise<number> {
  const io = ctx.io;
  if (args.length === 1 && args[0] === 'help') return showHelp();

  const declared = operationCommand(op, requiredArgsAreOptional(args));
  const spec = specOf(declared);
  let parsed;
  try {
    parsed = parseKnownArgs(spec, args);
  } catch (error) {
    if (error instanceof ArgumentParseError) throw new UsageError(error.message);
    throw error;
  }
  const values = parsed.values;
  const extras = [...parsed.extras];
  if (values.help === 'help') return showHelp();
  if (typeof values.help === 'string') extras.push(values.help);
  if (extras.length) throw new UnknownOptionsError(extras);

  const destOf = (flag: string) => spec.options.find((o) => o.flag === flag)!.dest;

  // Command-line members in declaration order; file:// values are read here, in that order.
  const params: Array<[string, unknown]> = [];
  for (const member of op.input) {
    const value = values[destOf(flagOf(member.name))];
    if (value === undefined) continue;
    params.push([member.name, typeof value === 'string' ? readParameterValue(flagOf(member.name), value, io.env) : value]);
  }
  const inputs = inputFormats
    .map((format) => [format, values[destOf(cliInputFlags[format])]] as const)
    .filter((entry): entry is readonly [InputFormat, string] => typeof entry[1] === 'string');
  for (const [format, value] of inputs) readParameterValue(cliInputFlags[format], value, io.env);

  // The input document fills in what the command line did not set.
  if (inputs.length > 1) throw onlyOneCliInput();
  if (inputs.length === 1) {
    const [format, raw] = inputs[0]!;
    const { loadInputDocument } = await import('../input/cli-input');
    const document = await loadInputDocument(format, raw, io.env);
    const given = new Set(params.map(([name]) => name));
    for (const [key, value] of document) if (!given.has(key)) params.push([key, value]);
  }

  const skeleton = values[destOf(skeletonFlag)] as string | undefined;
  if (skeleton === 'input') {
    io.stdout(inputSkeletonJson(op));
    return ExitCode.ok;
  }
  if (skeleton === 'yaml-input') {
    io.stdout(inputSkeletonYaml(op));
    return ExitCode.ok;
  }
  const { callAndPrint } = await import('./call');
  return callAndPrint(op, params, ctx, { stubbed: skeleton === 'output' });
}

/**
 * The CLI stops requiring the required parameters when the command line holds the exact word
 * --cli-input-json / --cli-input-yaml, or --generate-cli-skeleton not followed by `output`.
 */
function requiredArgsAreOptional(args: readonly string[]): boolean {
  if (inputFormats.some((format) => args.includes(cliInputFlags[format]))) return true;
  const at = args.indexOf(skeletonFlag);
  return at !== -1 && args[at + 1] !== 'output';
}
