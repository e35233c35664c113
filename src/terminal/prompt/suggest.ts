// What the prompt's menu offers for the text before the cursor, and which documentation the doc
// panel shows: the same completion rules as the shell completer, with a forgiving (fuzzy)
// filter, required options first, each option with its type and the start of its docs.
import { completeParsed, parseLine, type Candidate, type ParsedLine } from '../../completion/complete';
import { releaseIpamPoolAllocation as operation, operationCliName } from '../../model/operation';
import { globalFlags } from '../../model/globals';
import { blocksText, pageText } from '../../doc/text';
import { htmlBlocks, operationPage, servicePage, topLevelPage } from '../../doc/pages';
import { parseRst } from '../../doc/rst';
import type { CliOption } from '../../model/cli-options';
import { fuzzyFilter } from './fuzzy';
import type { LiveValues } from './values';
import { shlexWords } from './words';

export interface MenuItem {
  /** Replaces the word before the cursor. */
  readonly insert: string;
  readonly display: string;
  readonly meta: string;
  readonly required: boolean;
  readonly option?: CliOption;
}

export interface Suggestions {
  readonly items: readonly MenuItem[];
  /** How many characters before the cursor an item replaces. */
  readonly replace: number;
  readonly parsed: ParsedLine;
}

/** These switch the prompt itself on or off; offering them inside it makes no sense. */
const NOT_OFFERED: ReadonlySet<string> = new Set([globalFlags.cliAutoPrompt, globalFlags.noCliAutoPrompt]);

export function suggest(before: string, wholeText: string, env: NodeJS.ProcessEnv, cwd: string, live?: LiveValues): Suggestions {
  const parsed = parseLine(`aws ${before}`);
  const words = shlexWords(wholeText);
  const candidates = completeParsed(parsed, {
    env,
    cwd,
    filter: fuzzyFilter,
    values: live ? (p) => live.candidates(p, words) : undefined,
  });
  const seen = new Set<string>();
  const unique = candidates.filter((c) => !NOT_OFFERED.has(c.name) && !seen.has(c.name) && seen.add(c.name));
  const ordered = [...unique.filter((c) => c.required), ...unique.filter((c) => !c.required)];
  return { items: ordered.map(menuItem), replace: parsed.fragment?.length ?? 0, parsed };
}

function menuItem(c: Candidate): MenuItem {
  const required = Boolean(c.required && c.name.startsWith('--'));
  return {
    insert: c.name,
    display: c.display ?? (required ? `${c.name} (required)` : c.name),
    meta: c.meta ?? (c.option ? `[${c.type}] ${oneLine(optionDoc(c.option))}` : commandMeta(c.name)),
    required,
    option: c.option,
  };
}

function commandMeta(name: string): string {
  if (name === operation.service) return operation.serviceFullName;
  return name === operationCliName(operation) ? operation.name : '';
}

const oneLine = (lines: readonly string[]) => lines.join(' ').replace(/\s+/g, ' ').trim();

/** An option's documentation as plain text lines. */
export function optionDoc(option: CliOption, width = 1000): string[] {
  const blocks = 'html' in option.doc ? htmlBlocks(option.doc.html) : parseRst(option.doc.rst);
  return blocksText(blocks, width);
}

/** The doc panel's text: the chosen option's, else the command's page being typed. */
export function docLines(parsed: ParsedLine, selected: MenuItem | undefined, width: number): string[] {
  const option = selected?.option ?? parsed.param;
  if (option) {
    const head = `${option.flag}${option.negation ? ` | ${option.negation}` : ''} (${option.type})${option.required ? ' [required]' : ''}`;
    return [head, '', ...optionDoc(option, width)];
  }
  const depth = parsed.lineage.length + (parsed.command ? 1 : 0);
  const page = depth >= 3 ? operationPage(operation) : depth === 2 ? servicePage(operation) : topLevelPage(operation);
  return pageText(page, width);
}
