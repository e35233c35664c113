// The four parsers the AWS CLI runs one after the other, declared with commander from the
// operation description and the global option table, and scanned with argparse's rules
// (argparse.ts): a first pass for --profile/--debug, the main parser (global options and
// <command>), the service parser (<subcommand>) and the operation parser (its parameters).
import { Argument, Command, Option } from 'commander';
import type { ChoiceSet, OptionSpec, ParserSpec, PositionalSpec } from './argparse';
import { globalOptions, versionOption } from '../model/globals';
import { flagOf } from '../model/names';
import type { Operation } from '../model/operation';

import { cliInputFlags, skeletonKinds } from '../model/cli-params';

export { cliInputFlags, skeletonKinds };

/** Usage lines argparse prints for the first pass, built from its own declarations. */
export const firstPassUsage = 'usage: aws [--profile PROFILE] [--debug]\n';

export function firstPassCommand(): Command {
  return new Command('aws').addOption(new Option('--profile <profile>')).addOption(new Option('--debug'));
}

export function mainCommand(commands: ChoiceSet): Command {
  const cmd = new Command('aws');
  for (const g of globalOptions) {
    const option = new Option(g.kind === 'value' ? `${g.flag} <value>` : g.flag, g.help);
    if (g.choices) option.choices(g.choices);
    cmd.addOption(option);
  }
  cmd.addOption(new Option(versionOption.flag, versionOption.help));
  cmd.addArgument(withChoiceSet(new Argument('command'), commands));
  return cmd;
}

export function serviceCommand(name: string, operations: ChoiceSet): Command {
  return new Command(name).addArgument(withChoiceSet(new Argument('operation'), operations));
}

export function operationCommand(op: Operation, requiredAreOptional: boolean): Command {
  const cmd = new Command(op.name);
  for (const member of op.input) {
    const flag = flagOf(member.name);
    if (member.type === 'boolean') {
      cmd.addOption(new Option(flag, member.doc));
      cmd.addOption(new Option(`--no-${flag.slice(2)}`, member.doc));
    } else {
      const option = new Option(`${flag} <value>`, member.doc);
      if (member.required && !requiredAreOptional) option.makeOptionMandatory();
      cmd.addOption(option);
    }
  }
  for (const flag of cliInputFlags) cmd.addOption(new Option(`${flag} <value>`));
  cmd.addOption(new Option('--generate-cli-skeleton [type]').choices(skeletonKinds).preset('input'));
  cmd.addArgument(new Argument('[help]'));
  return cmd;
}

/** What argparse.ts needs to know of a commander declaration. */
export function specOf(cmd: Command): ParserSpec {
  const options: OptionSpec[] = cmd.options.map((o) => ({
    flag: o.long!,
    dest: o.attributeName(),
    nargs: o.required ? 'one' : o.optional ? 'optional' : 'zero',
    constValue: o.required ? undefined : o.optional ? o.presetArg : !o.negate,
    choices: o.argChoices,
    required: o.mandatory,
    isVersion: o.long === versionOption.flag,
  }));
  const positionals: PositionalSpec[] = cmd.registeredArguments.map((a) => ({
    dest: a.name(),
    nargs: a.required ? 'one' : 'optional',
    choices: choiceSets.get(a),
  }));
  return { options, positionals };
}

// commander keeps choices as a plain list; the command tables are large and only needed in full
// for suggestions, so the lazily listed set rides along here.
const choiceSets = new WeakMap<Argument, ChoiceSet>();
function withChoiceSet(argument: Argument, set: ChoiceSet): Argument {
  choiceSets.set(argument, set);
  return argument;
}

export function choiceSet(names: () => readonly string[], always: readonly string[] = []): ChoiceSet {
  let cache: Set<string> | undefined;
  return {
    has: (v) => always.includes(v) || (cache ??= new Set(names())).has(v),
    list: () => names(),
  };
}
