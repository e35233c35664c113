// A reader for the small part of reStructuredText the CLI's documentation uses: paragraphs,
// `* ` bullet lists, `::` literal blocks, indented block quotes, the `.. note::` directive, and
// inline ``literal``, **strong**, *emphasis*, `title` and `text <url>`__ references.
import type { Block, Inline, InlineKind } from './doc';

export function parseRst(source: string): Block[] {
  const lines = source
    .replace(/\t/g, '        ')
    .split('\n')
    .map((line) => line.trimEnd());
  return parseBlocks(lines);
}

const BLANK = (line: string | undefined) => line !== undefined && line.trim() === '';
const indentOf = (line: string) => line.length - line.trimStart().length;
const BULLET = /^[*+-]( |$)/;
const DIRECTIVE = /^\.\. ([A-Za-z-]+)::\s*(.*)$/;

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let literalNext = false;
  let i = 0;
  /** Lines from `i` on that are blank or indented by at least `min` spaces. */
  const takeIndented = (min: number): string[] => {
    const taken: string[] = [];
    while (i < lines.length && (BLANK(lines[i]) || indentOf(lines[i]!) >= min)) taken.push(lines[i++]!);
    while (taken.length && BLANK(taken[taken.length - 1])) taken.pop();
    return taken;
  };
  while (i < lines.length) {
    if (BLANK(lines[i])) {
      i++;
      continue;
    }
    const line = lines[i]!;
    if (indentOf(line) > 0) {
      const body = dedent(takeIndented(1));
      blocks.push(literalNext ? { kind: 'literal', text: body.join('\n') } : { kind: 'quote', blocks: parseBlocks(body) });
      literalNext = false;
      continue;
    }
    literalNext = false;
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      i++;
      const body = dedent(takeIndented(1));
      const content = directive[2] ? [directive[2], ...body] : body;
      if (directive[1]!.toLowerCase() === 'note') blocks.push({ kind: 'note', blocks: parseBlocks(content) });
      continue;
    }
    if (BULLET.test(line)) {
      const items: Block[][] = [];
      while (i < lines.length && BULLET.test(lines[i]!)) {
        const first = lines[i++]!.slice(2);
        items.push(parseBlocks([first, ...dedent(takeIndented(2))]));
        let next = i;
        while (BLANK(lines[next])) next++;
        if (next < lines.length && BULLET.test(lines[next]!)) i = next;
        else break;
      }
      blocks.push({ kind: 'bullets', items });
      continue;
    }
    const paragraphLines: string[] = [];
    while (i < lines.length && !BLANK(lines[i]) && indentOf(lines[i]!) === 0) paragraphLines.push(lines[i++]!);
    let text = paragraphLines.join('\n');
    if (text.endsWith('::')) {
      literalNext = true;
      if (text === '::') continue;
      text = /\s::$/.test(text) ? text.replace(/\s+::$/, '') : text.slice(0, -1);
    }
    blocks.push({ kind: 'paragraph', content: parseInline(text) });
  }
  return blocks;
}

function dedent(lines: readonly string[]): string[] {
  const widths = lines.filter((l) => !BLANK(l)).map(indentOf);
  const cut = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => l.slice(cut));
}

// Inline markup is recognised only at word boundaries, as reST specifies.
const OPEN_BEFORE = /[\s'"([{<\-/:]/;
const CLOSE_AFTER = /[\s\-.,:;!?\\/'")\]}>]/;

interface Markup {
  readonly open: string;
  readonly close: RegExp;
  readonly kind: InlineKind;
}

const MARKUPS: readonly Markup[] = [
  { open: '``', close: /``/g, kind: 'literal' },
  { open: '**', close: /\*\*/g, kind: 'strong' },
  { open: '*', close: /\*/g, kind: 'emphasis' },
  // `text <url>`__, `text`_ and plain `title`
  { open: '`', close: /`(__|_)?/g, kind: 'reference' },
];

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      // an escaped space disappears; any other escaped character is itself
      if (source[i + 1] !== ' ') plain += source[i + 1];
      i += 2;
      continue;
    }
    const found = openingAt(source, i);
    if (found) {
      const { markup, end, closeLength, tail } = found;
      flush();
      const inner = source.slice(i + markup.open.length, end);
      out.push(inlineNode(markup, inner, tail));
      i = end + closeLength;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

function openingAt(
  source: string,
  at: number,
): { markup: Markup; end: number; closeLength: number; tail: string } | undefined {
  if (at > 0 && !OPEN_BEFORE.test(source[at - 1]!)) return undefined;
  for (const markup of MARKUPS) {
    if (!source.startsWith(markup.open, at)) continue;
    const start = at + markup.open.length;
    const first = source[start];
    if (first === undefined || /\s/.test(first)) return undefined;
    // `*` must not be the start of `**` (that markup is tried first)
    if (markup.open === '*' && first === '*') return undefined;
    const close = new RegExp(markup.close.source, 'g');
    close.lastIndex = start + 1;
    for (let m = close.exec(source); m; m = close.exec(source)) {
      if (m.index === start) continue;
      if (/\s/.test(source[m.index - 1]!) || (markup.kind !== 'literal' && source[m.index - 1] === '\\')) continue;
      const after = source[m.index + m[0].length];
      if (after !== undefined && !CLOSE_AFTER.test(after)) continue;
      return { markup, end: m.index, closeLength: m[0].length, tail: m[1] ?? '' };
    }
    return undefined;
  }
  return undefined;
}

function inlineNode(markup: Markup, inner: string, tail: string): Inline {
  if (markup.kind === 'literal') return { kind: 'literal', text: inner };
  const unescaped = inner.replace(/\\(.)/g, '$1');
  if (markup.kind !== 'reference') return { kind: markup.kind, text: unescaped };
  if (!tail) return { kind: 'emphasis', text: unescaped }; // a title reference renders like emphasis
  const withTarget = /^([\s\S]*?)\s*<[^<>]*>$/.exec(inner);
  const label = withTarget ? withTarget[1]! : inner;
  return { kind: 'reference', text: label.replace(/\\(.)/g, '$1') };
}
