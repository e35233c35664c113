// The document model every help page is built in: a small subset of reStructuredText's node
// tree (the subset the CLI's pages use). Pages are assembled from these blocks (pages.ts);
// help/roff.ts turns them into a manual page and text.ts into plain text for the auto-prompt.

export type InlineKind = 'text' | 'literal' | 'strong' | 'emphasis' | 'reference';

export interface Inline {
  readonly kind: InlineKind;
  /** The visible text; for `text`, may hold newlines (line breaks of the source paragraph). */
  readonly text: string;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'bullets'; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'note'; readonly blocks: readonly Block[] }
  | { readonly kind: 'section'; readonly title: string; readonly blocks: readonly Block[] };

export interface Page {
  /** The page title (`.TH`), e.g. `RELEASE-IPAM-POOL-ALLOCATION`. */
  readonly title: string;
  /** What the NAME section names, e.g. `release-ipam-pool-allocation`. */
  readonly name: string;
  /** Sections after NAME. */
  readonly sections: readonly Block[];
}

export const text = (t: string): Inline => ({ kind: 'text', text: t });
export const literal = (t: string): Inline => ({ kind: 'literal', text: t });
/** A paragraph; adjacent plain-text pieces become one text node, as a reST reader would make them. */
export function paragraph(...content: Inline[]): Block {
  const merged: Inline[] = [];
  for (const node of content) {
    const last = merged[merged.length - 1];
    if (node.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = text(last.text + node.text);
    else merged.push(node);
  }
  return { kind: 'paragraph', content: merged };
}
export const quote = (blocks: readonly Block[]): Block => ({ kind: 'quote', blocks });
export const bullets = (items: readonly (readonly Block[])[]): Block => ({ kind: 'bullets', items });
export const literalBlock = (t: string): Block => ({ kind: 'literal', text: t });
export const section = (title: string, blocks: readonly Block[]): Block => ({ kind: 'section', title, blocks });
