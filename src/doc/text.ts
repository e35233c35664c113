// A help page as plain text for the auto-prompt's doc panel: paragraphs wrapped to the panel's
// width, indented blocks and literal examples kept, no typesetting marks.
import type { Block, Inline, Page } from './doc';

export function pageText(page: Page, width: number): string[] {
  const lines: string[] = [];
  for (const block of page.sections) blockLines(block, '', Math.max(width, 20), lines);
  while (lines.length && lines[0] === '') lines.shift();
  return lines;
}

export function blocksText(blocks: readonly Block[], width: number): string[] {
  const lines: string[] = [];
  for (const block of blocks) blockLines(block, '', Math.max(width, 20), lines);
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function inlineText(content: readonly Inline[]): string {
  return content.map((node) => node.text).join('');
}

function blockLines(block: Block, indent: string, width: number, out: string[]): void {
  switch (block.kind) {
    case 'section':
      out.push('', block.title, '');
      block.blocks.forEach((b) => blockLines(b, indent, width, out));
      return;
    case 'paragraph':
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(...wrap(inlineText(block.content).replace(/\s+/g, ' ').trim(), indent, width));
      return;
    case 'literal':
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(...block.text.split('\n').map((line) => `${indent}   ${line}`.trimEnd()));
      return;
    case 'quote':
      block.blocks.forEach((b) => blockLines(b, `${indent}   `, width, out));
      return;
    case 'note': {
      const inner: string[] = [];
      block.blocks.forEach((b) => blockLines(b, '', width - indent.length - 6, inner));
      while (inner[0] === '') inner.shift();
      if (out.length && out[out.length - 1] !== '') out.push('');
      inner.forEach((line, i) => out.push(line ? `${indent}${i === 0 ? 'Note: ' : '      '}${line}` : ''));
      return;
    }
    case 'bullets':
      for (const item of block.items) {
        const inner: string[] = [];
        item.forEach((b) => blockLines(b, '', width - indent.length - 2, inner));
        while (inner[0] === '') inner.shift();
        if (out.length && out[out.length - 1] !== '') out.push('');
        inner.forEach((line, i) => out.push(line ? `${indent}${i === 0 ? '* ' : '  '}${line}` : ''));
      }
      return;
  }
}

function wrap(text: string, indent: string, width: number): string[] {
  const room = Math.max(width - indent.length, 10);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
