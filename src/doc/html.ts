// Service-model documentation is HTML; the CLI turns it into reStructuredText before rendering.
// This converter follows the same spacing rules, because they are visible in the rendered page:
// text runs collapse their whitespace, and every inline element (link, code, italics, bold) is
// followed by one space, which is why the CLI's pages read "see Foo ." and "is ``X`` . Otherwise".

interface Token {
  readonly tag?: string;
  readonly closing?: boolean;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly data?: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>|([^<]+|<)/g;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m[4] !== undefined) {
      tokens.push({ data: decodeEntities(m[4]) });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tokens.push({ tag: m[2]!.toLowerCase(), closing: m[1] === '/', attrs });
    if (m[3]!.trimEnd().endsWith('/') && m[1] !== '/') tokens.push({ tag: m[2]!.toLowerCase(), closing: true });
  }
  return tokens;
}

/** Writes reST the way the CLI's documentation writer does (a stack of writes, two-space indents). */
class RstWriter {
  private readonly writes: string[] = [];
  private indentLevel = 0;
  private paragraphs = true;
  private href: string | undefined;
  private listDepth = 0;
  /** Off inside <fullname>: the service's full name is not part of its description. */
  keepData = true;

  write(s: string): void {
    this.writes.push(s);
  }
  private pop(): string {
    return this.writes.pop() ?? '';
  }
  private spaces(): string {
    return ' '.repeat(this.indentLevel * 2);
  }
  private newParagraph(): void {
    this.write(`\n\n${this.spaces()}`);
  }
  private newLine(): void {
    this.write(`\n${this.spaces()}`);
  }
  private endInline(markup: string): void {
    const last = this.pop().replace(/ +$/, '');
    if (last === markup) return; // an empty element leaves nothing behind
    this.write(last);
    this.write(`${markup} `);
  }

  start(tag: string, attrs: Readonly<Record<string, string>>): void {
    switch (tag) {
      case 'p':
        if (this.paragraphs) this.newParagraph();
        return;
      case 'code':
        return this.write('``');
      case 'i':
        return this.write('*');
      case 'b':
        return this.write('**');
      case 'a':
        this.href = attrs.href;
        return this.write(this.href !== undefined ? '`' : ' ');
      case 'note':
      case 'important':
        this.newParagraph();
        this.write(tag === 'note' ? '.. note::' : '.. warning::');
        this.indentLevel++;
        return this.newParagraph();
      case 'ul':
      case 'ol':
        if (this.listDepth !== 0) this.indentLevel++;
        this.listDepth++;
        return this.newParagraph();
      case 'li':
        this.newLine();
        this.paragraphs = false;
        return this.write('* ');
      case 'fullname':
        this.keepData = false;
        return;
    }
  }

  end(tag: string): void {
    switch (tag) {
      case 'p':
        if (this.paragraphs) this.newParagraph();
        return;
      case 'code':
        return this.endInline('``');
      case 'i':
        return this.endInline('*');
      case 'b':
        return this.endInline('**');
      case 'a':
        if (this.href !== undefined) {
          const label = this.pop().replace(/ +$/, '');
          if (label && label !== '`') this.write(`${label.replace(/:/g, '\\:')} <${this.href}>\`__`);
          else this.write(`\`<${this.href}>\`__`);
          this.href = undefined;
        }
        return this.write(' ');
      case 'note':
      case 'important':
        if (this.indentLevel > 0) this.indentLevel--;
        return this.newParagraph();
      case 'ul':
      case 'ol':
        this.listDepth--;
        if (this.listDepth !== 0 && this.indentLevel > 0) this.indentLevel--;
        return this.newParagraph();
      case 'li':
        this.paragraphs = true;
        return this.newLine();
      case 'fullname':
        this.keepData = true;
        return;
    }
  }

  /** A text run: whitespace collapses to single spaces; a trailing space survives. */
  data(text: string): void {
    if (!text || !this.keepData) return;
    if (text.trim() === '') return this.write(' ');
    const words = text.split(/\s+/).filter(Boolean).join(' ');
    this.write(/\s$/.test(text) ? `${words} ` : words);
  }

  value(): string {
    return this.writes.join('');
  }
}

const HANDLED = new Set(['p', 'code', 'i', 'b', 'a', 'note', 'important', 'ul', 'ol', 'li', 'fullname']);

/** The reStructuredText the CLI makes of one HTML documentation string. */
export function htmlToRst(html: string): string {
  const writer = new RstWriter();
  const tokens = tokenize(html);
  // A list item's leading whitespace is dropped up to its first text.
  let stripLeading = false;
  for (const token of tokens) {
    if (token.tag !== undefined) {
      if (!HANDLED.has(token.tag)) continue;
      if (token.closing) writer.end(token.tag);
      else {
        writer.start(token.tag, token.attrs ?? {});
        if (token.tag === 'li') stripLeading = true;
      }
      continue;
    }
    let data = token.data ?? '';
    if (stripLeading) {
      data = data.trimStart();
      if (data) stripLeading = false;
    }
    writer.data(data);
  }
  return writer.value();
}
