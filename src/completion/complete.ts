// Completion of an `aws` command line up to the cursor, with the rules of the real CLI's
// completer: command names, then option names once the command is complete (only after `--`
// has been typed, and never an option already given), --region and --profile values, and
// file:// / fileb:// paths. Beyond the real completer, options with a fixed set of values
// (--output, --color, --generate-cli-skeleton, --cli-binary-format) complete those values.
// Commands are the ones this CLI provides: `ec2` and `release-ipam-pool-allocation`.
import { releaseIpamPoolAllocation as operation, operationCliName } from '../model/operation';
import { skeletonFlag } from '../model/cli-params';
import { globalFlags } from '../model/globals';
import { ec2Operations, topLevelCommands } from '../model/catalog';
import { globalCliOptions, operationOptions, type CliOption } from '../model/cli-options';
import type { Candidate } from './candidate';
import { pathCompletions } from './paths';
import { profileNames } from './profiles';
import { ec2Regions } from './regions';

export type { Candidate };

interface Command {
  readonly name: string;
  readonly children: readonly Command[];
  /** All names the real CLI has at this level (a word that begins one of them may be unfinished). */
  readonly realChildren: () => readonly string[];
  readonly options: readonly CliOption[];
}

const OPERATION: Command = {
  name: operationCliName(operation),
  children: [],
  realChildren: () => [],
  options: operationOptions(operation),
};
const SERVICE: Command = { name: operation.service, children: [OPERATION], realChildren: () => ec2Operations, options: [] };
const ROOT: Command = { name: 'aws', children: [SERVICE], realChildren: () => topLevelCommands, options: [] };
const GLOBALS = globalCliOptions();

/** What the parser understood of the line (the fields the completers look at). */
export interface ParsedLine {
  /** The innermost command reached (`aws` at the start). */
  readonly command: Command | undefined;
  readonly lineage: readonly Command[];
  /** The word under the cursor, when the cursor is at the end of a word. */
  readonly fragment: string | undefined;
  /** The option whose value is being typed. */
  readonly param: CliOption | undefined;
  /** Option names already given (without `--`), command options and global ones. */
  readonly given: ReadonlySet<string>;
  readonly unparsed: readonly string[];
}

const BOUNDARY = '';

const optionNamed = (options: readonly CliOption[], name: string): CliOption | undefined =>
  options.find((o) => o.flag === `--${name}` || o.negation === `--${name}`);

export function parseLine(line: string, point: number = line.length): ParsedLine {
  const text = line.slice(0, point);
  const parts = text.split(/\s+/).filter(Boolean);
  if (text && /\s$/.test(text)) parts.push(BOUNDARY);
  const lineage: Command[] = [];
  let command: Command | undefined;
  if (parts.length) {
    parts.shift();
    command = ROOT;
  }
  let param: CliOption | undefined;
  let fragment: string | undefined;
  let currentArgs: readonly CliOption[] | undefined = [];
  const given = new Set<string>();
  const unparsed: string[] = [];

  const consumeValue = (option: CliOption): void => {
    if (!option.takesValue) {
      param = undefined;
      return;
    }
    if (parts.length === 1 && parts[0] === BOUNDARY) return;
    if (parts.length <= 1) return;
    // --generate-cli-skeleton's value is optional: an option word is not taken as its value
    if (option.flag === skeletonFlag) {
      if (!parts[0]!.startsWith('--')) {
        parts.shift();
        param = undefined;
      }
      return;
    }
    parts.shift();
    param = undefined;
  };

  while (parts.length) {
    const word = parts.shift()!;
    if (word.startsWith('--')) {
      if (currentArgs === undefined) {
        unparsed.push(word);
        continue;
      }
      const name = word.slice(2);
      const option = optionNamed(GLOBALS, name) ?? optionNamed(currentArgs, name);
      if (option) {
        param = option;
        given.add(name);
        consumeValue(option);
      } else if (!parts.length && word) fragment = word;
      else unparsed.push(word);
      continue;
    }
    const names = command ? command.children : [];
    const match = names.find((c) => c.name === word);
    // `ec2` may be the start of `ec2-instance-connect`: until a space follows, it is still being typed
    const longer = (command?.realChildren() ?? []).some((name) => name.startsWith(word) && name !== word);
    if (match && (parts.length || !longer)) {
      if (command) lineage.push(command);
      command = match;
      currentArgs = match.options;
      continue;
    }
    if (!parts.length) fragment = word;
    else if (word) unparsed.push(word);
    currentArgs = undefined;
  }
  return { command, lineage, fragment, param, given, unparsed };
}

export type Filter = (prefix: string, candidates: readonly Candidate[]) => Candidate[];

/** The shell completer's filter: names that begin with what was typed. */
export const startsWithFilter: Filter = (prefix, candidates) =>
  candidates.filter((c) => (c.display ?? c.name).startsWith(prefix));

export interface CompletionContext {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly filter: Filter;
  /** Values looked up elsewhere for the option being typed (the auto-prompt's live values). */
  readonly values?: (parsed: ParsedLine) => readonly Candidate[] | undefined;
}

/** The completions for the line, as `aws_completer` prints them (one name a line). */
export function complete(line: string, point: number | undefined, env: NodeJS.ProcessEnv, cwd: string): Candidate[] {
  return completeParsed(parseLine(line, point), { env, cwd, filter: startsWithFilter });
}

export function completeParsed(parsed: ParsedLine, ctx: CompletionContext): Candidate[] {
  const fragment = parsed.fragment;
  const filter = ctx.filter;
  if (parsed.param?.flag === globalFlags.region && fragment !== undefined) {
    return filter(fragment, ec2Regions.map((name) => ({ name })));
  }
  if (parsed.param?.flag === globalFlags.profile && fragment !== undefined) {
    return filter(fragment, profileNames(ctx.env).map((name) => ({ name })));
  }
  const fromModel = commandsAndOptions(parsed, filter);
  if (fromModel) return fromModel;
  if (fragment && /^fileb?:\/\//.test(fragment)) return pathCompletions(fragment, ctx.env, ctx.cwd);
  if (parsed.param?.choices && fragment !== undefined) {
    return filter(fragment, parsed.param.choices.map((name) => ({ name })));
  }
  const values = fragment !== undefined ? ctx.values?.(parsed) : undefined;
  if (values) return filter(fragment!, values);
  return [];
}

function commandsAndOptions(parsed: ParsedLine, filter: Filter): Candidate[] | undefined {
  let fragment = parsed.fragment;
  const pathLike = (word: string) => /[./\\:]|--/.test(word);
  if (parsed.unparsed.length && parsed.unparsed.every(pathLike)) {
    // Only path-like words were not understood: offer options (of a command taking paths).
    if (!fragment) fragment = parsed.command?.name ?? '';
    return filter(fragment, optionCandidates(parsed));
  }
  if (parsed.unparsed.length || fragment === undefined || parsed.param) return undefined;
  if (fragment.startsWith('--')) return filter(fragment === '--' ? '' : fragment, optionCandidates(parsed));
  const commands = (parsed.command?.children ?? []).map((c) => ({ name: c.name }));
  if (!commands.length) return filter(fragment, optionCandidates(parsed));
  return filter(fragment, commands);
}

function optionCandidates(parsed: ParsedLine): Candidate[] {
  const atTop = parsed.command === ROOT;
  const candidates: Candidate[] = [];
  if (!atTop) {
    for (const o of parsed.command?.options ?? []) {
      candidates.push({ name: o.flag, required: o.required, type: o.type, option: o });
      if (o.negation) candidates.push({ name: o.negation, required: false, type: o.type, option: o });
    }
  }
  for (const g of GLOBALS) candidates.push({ name: g.flag, required: false, type: g.type, option: g });
  return candidates.filter((c) => !parsed.given.has(c.name.replace(/^-+|-+$/g, '')));
}
