// A help page as a manual page in roff (groff's `man` macros), laid out the way the CLI's own
// pages are, so that groff typesets them to the same text: paragraphs separated by `.sp`
// (except the first one of an indented block or list item), block quotes and lists as nested
// indents, literal blocks unfilled.
import type { Block, Inline, Page } from '../doc/doc';

// INDENT/UNINDENT remember the margin at each level, so that leaving an indented block also
// undoes the hanging indent a list item (.IP) may have left behind.
const PREAMBLE = [
  '.nr aws-level 0',
  '.de INDENT',
  '.RS \\\\$1',
  '.nr aws-margin\\\\n[aws-level] \\\\n[an-margin]',
  '.nr aws-level +1',
  '..',
  '.de UNINDENT',
  '.RE',
  '.nr aws-level -1',
  '.in \\\\n[aws-margin\\\\n[aws-level]]u',
  '..',
];

export function toRoff(page: Page): string {
  const out: string[] = [...PREAMBLE, `.TH "${page.title}"  "" ""`, '.SH NAME', `${page.name} \\- `];
  for (const block of page.sections) emit(block, false, out);
  return tidy(out).join('\n') + '\n';
}

function emit(block: Block, first: boolean, out: string[]): void {
  switch (block.kind) {
    case 'section':
      out.push(`.SH ${block.title}`);
      block.blocks.forEach((b) => emit(b, false, out));
      return;
    case 'paragraph':
      if (!first) out.push('.sp');
      out.push(inlines(block.content));
      return;
    case 'literal':
      // literal blocks are always set off by an indent
      out.push('.INDENT 0.0', '.INDENT 3.5', '.sp', '.nf', '.ft C', escape(block.text), '.ft P', '.fi', '.UNINDENT', '.UNINDENT');
      return;
    case 'quote':
      out.push('.INDENT 0.0', '.INDENT 3.5');
      block.blocks.forEach((b, i) => emit(b, i === 0, out));
      out.push('.UNINDENT', '.UNINDENT');
      return;
    case 'note':
      if (!first) out.push('.sp');
      out.push('\\fBNOTE:\\fP', '.INDENT 0.0', '.INDENT 3.5');
      block.blocks.forEach((b, i) => emit(b, i === 0, out));
      out.push('.UNINDENT', '.UNINDENT');
      return;
    case 'bullets':
      out.push('.INDENT 0.0');
      for (const item of block.items) {
        out.push('.IP \\(bu 2');
        item.forEach((b, i) => emit(b, i === 0, out));
      }
      out.push('.UNINDENT');
      return;
  }
}

const FONTS: Readonly<Record<Inline['kind'], [string, string]>> = {
  text: ['', ''],
  literal: ['\\fB', '\\fP'],
  strong: ['\\fB', '\\fP'],
  emphasis: ['\\fI', '\\fP'],
  reference: ['\\fI\\%', '\\fP'],
};

function inlines(content: readonly Inline[]): string {
  return content
    .map((node) => {
      const [open, close] = FONTS[node.kind];
      return open + escape(node.text) + close;
    })
    .join('');
}

/** Text as roff reads it literally: hyphens, quotes and backslashes escaped, no line starting a request. */
export function escape(value: string): string {
  let text = value
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/'/g, '\\(aq')
    .replace(/\u00b4/g, "\\'")
    .replace(/`/g, '\\(ga')
    .replace(/"/g, '\\(dq')
    .replace(/\u00a0/g, '\\ ')
    .replace(/\u2020/g, '\\(dg');
  if (text.startsWith('.')) text = '\\&' + text;
  return text.replace(/\n\./g, '\n\\&.');
}

/** Vertical space right after a list item's tag would push its text a line down; drop it. */
function tidy(lines: string[]): string[] {
  return lines.map((line, i) => (line === '.sp' && i > 0 && /^\.(IP|BI) /.test(lines[i - 1]!) ? '.' : line));
}
