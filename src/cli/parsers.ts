// The four parsers the AWS CLI runs one after the other, declared with commander's Option and
// Argument classes from the operation description and the global option table, and scanned with
// argparse's rules (argparse.ts): a first pass for --profile/--debug, the main parser (global
// options and <command>), the service parser (<subcommand>) and the operation parser.
//
// Only the declaration classes are used: commander's Command (its parser, help and dispatch) is
// replaced by argparse.ts, and leaving it out of the bundle keeps it off every start-up
// (scripts/build.mjs maps `commander` to those two classes).
import { Argument, Option } from 'commander';
import type { ChoiceSet, OptionSpec, ParserSpec, PositionalSpec } from '../util/argparse';
import { globalFlags, globalOptions, versionOption } from '../model/globals';
import { flagOf, negatedFlagOf } from '../model/names';
import type { Operation } from '../model/operation';

import { cliInputFlags, defaultSkeletonKind, inputFormats, skeletonFlag, skeletonKinds } from '../model/cli-params';

/** One parser level: its options and positional arguments, in declaration order. */
export interface Declaration {
  readonly options: readonly Option[];
  readonly positionals: readonly Argument[];
}

export function firstPassCommand(): Declaration {
  return { options: [new Option(`${globalFlags.profile} <profile>`), new Option(globalFlags.debug)], positionals: [] };
}

export function mainCommand(commands: ChoiceSet): Declaration {
  const options = globalOptions.map((g) => {
    const option = new Option(g.kind === 'value' ? `${g.flag} <value>` : g.flag, g.help);
    return g.choices ? option.choices(g.choices) : option;
  });
  options.push(new Option(versionOption.flag, versionOption.help));
  return { options, positionals: [withChoiceSet(new Argument('command'), commands)] };
}

export function serviceCommand(operations: ChoiceSet): Declaration {
  return { options: [], positionals: [withChoiceSet(new Argument('operation'), operations)] };
}

export function operationCommand(op: Operation, requiredAreOptional: boolean): Declaration {
  const options: Option[] = [];
  for (const member of op.input) {
    const flag = flagOf(member.name);
    if (member.type === 'boolean') {
      options.push(new Option(flag, member.doc), new Option(negatedFlagOf(member.name), member.doc));
    } else {
      const option = new Option(`${flag} <value>`, member.doc);
      if (member.required && !requiredAreOptional) option.makeOptionMandatory();
      options.push(option);
    }
  }
  for (const format of inputFormats) options.push(new Option(`${cliInputFlags[format]} <value>`));
  options.push(new Option(`${skeletonFlag} [type]`).choices(skeletonKinds).preset(defaultSkeletonKind));
  return { options, positionals: [new Argument('[help]')] };
}

/** What argparse.ts needs to know of a commander declaration. */
export function specOf(cmd: Declaration): ParserSpec {
  const options: OptionSpec[] = cmd.options.map((o) => ({
    flag: o.long!,
    dest: o.attributeName(),
    nargs: o.required ? 'one' : o.optional ? 'optional' : 'zero',
    constValue: o.required ? undefined : o.optional ? o.presetArg : !o.negate,
    choices: o.argChoices,
    required: o.mandatory,
    isVersion: o.long === versionOption.flag,
  }));
  const positionals: PositionalSpec[] = cmd.positionals.map((a) => ({
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
