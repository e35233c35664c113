// An argument scanner with the exact matching rules of the Python `argparse` module that the
// AWS CLI is built on (as of Python 3.11): unambiguous prefixes of long options, `--opt=value`,
// values that look like options are refused ("expected one argument"), negative numbers and
// strings with spaces count as values, unknown options and stray words are handed back in order.
//
// Why not commander's own parse(): commander has no prefix matching, takes any next word as a
// value, stops classifying after the first unknown option and reports errors in its own order
// and words. The CLI's users see those differences, so commander declares the options (see
// cli/parsers.ts) and this module applies argparse's rules to those declarations.
import { findCloseMatches } from './difflib';
import { pyRepr } from './python';

export type Nargs = 'one' | 'optional' | 'zero';

export interface OptionSpec {
  readonly flag: string;
  /** Key the value is stored under; `--dry-run` and `--no-dry-run` share one. */
  readonly dest: string;
  readonly nargs: Nargs;
  /** Value stored for `zero` options, and for `optional` ones given without a value. */
  readonly constValue?: unknown;
  readonly choices?: readonly string[];
  readonly required?: boolean;
  /** `--version`: stops parsing the moment it is consumed. */
  readonly isVersion?: boolean;
}

export interface PositionalSpec {
  readonly dest: string;
  readonly nargs: 'one' | 'optional';
  readonly choices?: ChoiceSet;
}

/** Choices of a positional: membership is cheap, the full list is only needed for hints. */
export interface ChoiceSet {
  has(value: string): boolean;
  list(): readonly string[];
}

export interface ParserSpec {
  readonly options: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
}

export interface ParseResult {
  readonly values: Record<string, unknown>;
  readonly extras: string[];
  /** Option flags in the order they were consumed (for "last one wins" diagnostics). */
  readonly seen: string[];
}

/** A parse failure: `message` is what follows `aws: [ERROR]: `. */
export class ArgumentParseError extends Error {}

/** Thrown when `--version` is consumed; parsing stops there. */
export class VersionRequested extends Error {}

type OptionTuple = { option: OptionSpec | undefined; flag: string; explicit: string | undefined };

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

export function parseKnownArgs(spec: ParserSpec, args: readonly string[]): ParseResult {
  const byFlag = new Map(spec.options.map((o) => [o.flag, o] as const));
  const values: Record<string, unknown> = {};
  const seenActions = new Set<OptionSpec | PositionalSpec>();
  const seenFlags: string[] = [];
  const extras: string[] = [];

  // Classify every word first, as argparse does: an ambiguous prefix fails before anything is consumed.
  const optionAt = new Map<number, OptionTuple>();
  let pattern = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') {
      pattern += '-' + 'A'.repeat(args.length - i - 1);
      break;
    }
    const tuple = classifyOptional(args[i]!, spec, byFlag);
    if (tuple) {
      optionAt.set(i, tuple);
      pattern += 'O';
    } else {
      pattern += 'A';
    }
  }

  const takeOption = (option: OptionSpec, strings: string[], flag: string): void => {
    seenActions.add(option);
    seenFlags.push(flag);
    const value = optionValue(option, withoutDoubleDash(strings));
    if (option.isVersion) throw new VersionRequested();
    values[option.dest] = value;
  };

  const consumeOptional = (start: number): number => {
    const { option, flag, explicit } = optionAt.get(start)!;
    if (!option) {
      extras.push(args[start]!);
      return start + 1;
    }
    if (explicit !== undefined) {
      if (option.nargs === 'zero') {
        throw new ArgumentParseError(`argument ${option.flag}: ignored explicit argument ${pyRepr(explicit)}`);
      }
      takeOption(option, [explicit], flag);
      return start + 1;
    }
    const count = matchOptionArgument(option, pattern.slice(start + 1));
    takeOption(option, args.slice(start + 1, start + 1 + count), flag);
    return start + 1 + count;
  };

  const positionals = [...spec.positionals];
  const consumePositionals = (start: number): number => {
    const counts = matchPositionalsPartial(positionals, pattern.slice(start));
    counts.forEach((count, i) => {
      const positional = positionals[i]!;
      const strings = withoutDoubleDash(args.slice(start, start + count));
      start += count;
      seenActions.add(positional);
      values[positional.dest] = positionalValue(positional, strings);
    });
    positionals.splice(0, counts.length);
    return start;
  };

  let start = 0;
  const optionIndices = [...optionAt.keys()];
  const maxOptionIndex = optionIndices.length ? Math.max(...optionIndices) : -1;
  while (start <= maxOptionIndex) {
    const nextOption = Math.min(...optionIndices.filter((i) => i >= start));
    if (start !== nextOption) {
      const end = consumePositionals(start);
      if (end > start) {
        start = end;
        continue;
      }
      start = end;
    }
    if (!optionAt.has(start)) {
      extras.push(...args.slice(start, nextOption));
      start = nextOption;
    }
    start = consumeOptional(start);
  }
  const stop = consumePositionals(start);
  extras.push(...args.slice(stop));

  const missing: string[] = [];
  for (const option of spec.options) {
    if (option.required && !seenActions.has(option)) missing.push(option.flag);
  }
  for (const positional of spec.positionals) {
    if (positional.nargs === 'one' && !seenActions.has(positional)) missing.push(positional.dest);
  }
  // argparse lists missing arguments in declaration order: options first here, as in the CLI's parsers
  if (missing.length) {
    throw new ArgumentParseError(`the following arguments are required: ${missing.join(', ')}`);
  }
  return { values, extras, seen: seenFlags };
}

function classifyOptional(arg: string, spec: ParserSpec, byFlag: Map<string, OptionSpec>): OptionTuple | undefined {
  if (!arg || arg[0] !== '-') return undefined;
  const exact = byFlag.get(arg);
  if (exact) return { option: exact, flag: arg, explicit: undefined };
  if (arg.length === 1) return undefined;
  const eq = arg.indexOf('=');
  if (eq !== -1) {
    const named = byFlag.get(arg.slice(0, eq));
    if (named) return { option: named, flag: named.flag, explicit: arg.slice(eq + 1) };
  }
  const matches = prefixMatches(arg, spec);
  if (matches.length > 1) {
    throw new ArgumentParseError(
      `ambiguous option: ${arg} could match ${matches.map((m) => m.flag).join(', ')}`,
    );
  }
  if (matches.length === 1) return matches[0];
  const hasNegativeLookingOptions = spec.options.some((o) => NEGATIVE_NUMBER.test(o.flag));
  if (NEGATIVE_NUMBER.test(arg) && !hasNegativeLookingOptions) return undefined;
  if (arg.includes(' ')) return undefined;
  return { option: undefined, flag: arg, explicit: undefined };
}

function prefixMatches(arg: string, spec: ParserSpec): OptionTuple[] {
  if (arg[1] === '-') {
    const eq = arg.indexOf('=');
    const prefix = eq === -1 ? arg : arg.slice(0, eq);
    const explicit = eq === -1 ? undefined : arg.slice(eq + 1);
    return spec.options
      .filter((o) => o.flag.startsWith(prefix))
      .map((o) => ({ option: o, flag: o.flag, explicit }));
  }
  // single-dash words: only a literal prefix of a flag can match (our flags are all long)
  return spec.options
    .filter((o) => o.flag.startsWith(arg))
    .map((o) => ({ option: o, flag: o.flag, explicit: undefined }));
}

function matchOptionArgument(option: OptionSpec, rest: string): number {
  switch (option.nargs) {
    case 'zero':
      return 0;
    case 'optional':
      return rest.startsWith('A') ? 1 : 0;
    case 'one':
      if (rest.startsWith('A')) return 1;
      throw new ArgumentParseError(`argument ${option.flag}: expected one argument`);
  }
}

/** argparse's partial positional matching: as many leading positionals as the pattern allows. */
function matchPositionalsPartial(positionals: readonly PositionalSpec[], pattern: string): number[] {
  for (let n = positionals.length; n > 0; n--) {
    const regex = new RegExp(
      '^' + positionals.slice(0, n).map((p) => (p.nargs === 'one' ? '(-*A-*)' : '(-*A?-*)')).join(''),
    );
    const match = regex.exec(pattern);
    if (match) return match.slice(1).map((group) => group.length);
  }
  return [];
}

function withoutDoubleDash(strings: string[]): string[] {
  const i = strings.indexOf('--');
  return i === -1 ? strings : [...strings.slice(0, i), ...strings.slice(i + 1)];
}

function optionValue(option: OptionSpec, strings: string[]): unknown {
  if (option.nargs === 'zero') return option.constValue;
  const value = strings.length ? strings[0]! : option.constValue;
  if (typeof value === 'string' && option.choices && !option.choices.includes(value)) {
    throw new ArgumentParseError(`argument ${option.flag}: ${invalidChoice(value, option.choices)}`);
  }
  return value;
}

function positionalValue(positional: PositionalSpec, strings: string[]): unknown {
  if (!strings.length) return undefined;
  const value = strings[0]!;
  if (positional.choices && !positional.choices.has(value)) {
    throw new ArgumentParseError(
      `argument ${positional.dest}: ${invalidChoice(value, positional.choices.list())}`,
    );
  }
  return value;
}

function invalidChoice(value: string, choices: readonly string[]): string {
  const lines = [`Found invalid choice '${value}'\n`];
  const close = findCloseMatches(value, choices, 3, 0.8);
  if (close.length) {
    lines.push('Maybe you meant:\n', ...close.map((word) => `  * ${word}`));
  }
  return lines.join('\n');
}
