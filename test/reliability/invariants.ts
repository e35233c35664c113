// What must hold for every run, whatever the input: no internal error text, a documented exit
// code, nothing on stdout when the command failed (except the real CLI's partial output before a
// formatter error), and on success, stdout that parses in the chosen format.
import { load } from 'js-yaml';
import type { InProcessResult } from './in-process';

export const EXIT_CODES = [0, 252, 253, 254, 255] as const;

/** A run slower than this is a finding (generous: CI machines run other tests beside this one). */
const SLOW_RUN_MS = 15_000;

/** Text that only an internal failure prints: stack frames, JavaScript error names and phrasing. */
const INTERNAL = [
  /^\s+at /m,
  /\bTypeError\b/,
  /\bReferenceError\b/,
  /\bRangeError\b/,
  /\bSyntaxError\b/,
  /Cannot read propert/,
  /Cannot set propert/,
  /undefined is not/,
  /is not a function/,
  // JavaScript's wording; Python's is "'bool' object is not iterable", which the CLI does print
  /(?<!object )is not iterable/,
  /\[object Object\]/,
  /Maximum call stack/,
  /\bERR_[A-Z_]+\b/,
  /node:internal/,
  // (expat's "undefined entity" is the CLI's own text, in an answer that does not parse)
  /\bundefined\b(?! \(type| entity)/,
];

export interface RunContext {
  readonly argv: readonly string[];
  /** The output format in effect (--output or the default). */
  readonly format: string;
}

/** Returns the list of broken invariants (empty when the run is fine). */
export function brokenInvariants(result: InProcessResult, context: RunContext): string[] {
  const problems: string[] = [];
  const both = `${result.stdout}\n${result.stderr}`;
  for (const pattern of INTERNAL) {
    // a pattern that the user's own input contains is data echoed back, not an internal error
    if (pattern.test(both) && !context.argv.some((word) => pattern.test(word))) problems.push(`internal error text ${pattern}`);
  }
  if (!(EXIT_CODES as readonly number[]).includes(result.code)) problems.push(`exit code ${result.code}`);
  if (result.stray) problems.push(`wrote to the process streams directly: ${JSON.stringify(result.stray.slice(0, 200))}`);
  if (result.code !== 0 && result.stdout && !partialOutputAllowed(result, context)) problems.push(`stdout on failure (exit ${result.code})`);
  if (result.code === 0) {
    const parseProblem = unparsable(result.stdout, context.format);
    if (parseProblem) problems.push(`stdout does not parse as ${context.format}: ${parseProblem}`);
  }
  if (result.code !== 0 && !result.stderr.trim()) problems.push(`exit ${result.code} without a message`);
  // no input may send the CLI into a long computation (the slowest generated inputs take ~0.3 s)
  if (result.ms > SLOW_RUN_MS) problems.push(`took ${Math.round(result.ms)} ms`);
  return problems;
}

const VERSION_LINE = /^aws-cli\/\S+ \S+\/\S+ \S+\/\S+ \S+\n$/;

/**
 * The real CLI prints what a formatter produced before it failed (exit 255, one message line):
 * text and table output of some shapes, JSON output of a value JSON cannot hold (`[` and then
 * "Encountered unrecognized type in JSON encoder.").
 */
function partialOutputAllowed(result: InProcessResult, _context: RunContext): boolean {
  return result.code === 255 && /^\n[^\n]+\n$/.test(result.stderr.replace(/\x1b\[0m/g, ''));
}

function unparsable(stdout: string, format: string): string | undefined {
  if (stdout === '') return undefined; // e.g. a query that selects nothing
  if (VERSION_LINE.test(stdout)) return undefined; // --version anywhere on the line
  // --generate-cli-skeleton input / yaml-input print JSON / YAML whatever --output says
  if (/^\{\n    "DryRun": true,/.test(stdout) || /^DryRun: true  # /.test(stdout)) return undefined;
  if (!stdout.endsWith('\n')) return 'no final newline';
  try {
    switch (format) {
      case 'json':
        parseJson(stdout);
        return undefined;
      case 'yaml':
      case 'yaml-stream':
        load(stdout);
        return undefined;
      case 'table':
        return stdout.slice(0, -1).split('\n').some((line) => line === '') ? 'an empty table line' : undefined;
      default:
        return undefined;
    }
  } catch (error) {
    return (error as Error).message;
  }
}

/** JSON.parse, allowing the NaN / Infinity that Python's json module writes for such floats. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/(?<=[\s\[:,]|^)(-?Infinity|NaN)(?=[\s\],}]|$)/g, '0'));
  }
}

/**
 * The output format a command line selects (the last --output wins; argparse takes any prefix
 * from `--o`, no other option starts so), else the configured one (AWS_DEFAULT_OUTPUT), else json.
 */
export function formatOf(argv: readonly string[], configured = 'json'): string {
  let format = configured;
  const isOutput = (name: string) => name.length >= 3 && '--output'.startsWith(name);
  argv.forEach((word, i) => {
    const eq = word.indexOf('=');
    if (eq !== -1 && isOutput(word.slice(0, eq))) format = word.slice(eq + 1);
    else if (isOutput(word) && argv[i + 1] !== undefined) format = argv[i + 1]!;
  });
  return format;
}
