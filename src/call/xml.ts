// A small XML reader that builds the tree botocore's parsers walk (tag, text, children) and,
// for malformed input, reports the error the way Python's ElementTree (expat) does:
// "<reason>: line <n>, column <m>". Responses are parsed with this instead of the SDK's parser
// because the CLI's messages quote expat's wording and position.
import { firstInvalidUtf8 } from '../util/pycodecs';

export interface XmlElement {
  /** `{namespace}local` for namespaced elements, as ElementTree names them. */
  readonly tag: string;
  /** Text before the first child, or null when there is none. */
  text: string | null;
  readonly children: XmlElement[];
}

export class XmlSyntaxError extends Error {
  constructor(reason: string, line: number, column: number) {
    super(`${reason}: line ${line}, column ${column}`);
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/u;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/u;
const SPACE = new Set([' ', '\t', '\r', '\n']);
/** Characters XML never allows (expat: "not well-formed (invalid token)"). */
const INVALID_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

interface Open {
  element: XmlElement;
  name: string;
  namespaces: Map<string, string>;
  hasChild: boolean;
}

/** Parses a UTF-8 document; throws XmlSyntaxError with expat's reason and position. */
export function parseXml(bytes: Uint8Array): XmlElement {
  const text = decodeMarkingInvalid(bytes).replace(/^\ufeff/, '');
  return new Reader(text).document();
}

/** The text, with the first byte that is not UTF-8 as U+FFFF: expat stops there with "invalid token". */
function decodeMarkingInvalid(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8');
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return decoder.decode(bytes);
  return decoder.decode(bytes.subarray(0, bad)) + '\uffff' + decoder.decode(bytes.subarray(bad + 1));
}

/** Where expat's prolog tokenizer sees a token it then finds out of place ("syntax error"), not one it cannot read. */
function isPrologToken(ch: string): boolean {
  // expat's name characters are XML 1.0's original (letter and digit) classes
  return /[\p{L}\p{Nd}\p{Mn}\p{Mc}_:.\-]/u.test(ch) || '#(,>[]|'.includes(ch);
}

class Reader {
  private pos = 0;
  constructor(private readonly s: string) {}

  private fail(reason: string, at = this.pos): never {
    let line = 1;
    let column = 0;
    for (let i = 0; i < at && i < this.s.length; i++) {
      const c = this.s[i];
      if (c === '\n' || (c === '\r' && this.s[i + 1] !== '\n')) {
        line++;
        column = 0;
      } else if (c !== '\r') column++;
    }
    throw new XmlSyntaxError(reason, line, column);
  }

  private startsWith(token: string): boolean {
    return this.s.startsWith(token, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && SPACE.has(this.s[this.pos]!)) this.pos++;
  }

  document(): XmlElement {
    if (/^<\?xml[ \t\r\n?]/.test(this.s)) this.skipUntil('?>', 0);
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.s.length) this.fail('no element found');
      if (this.misc()) continue;
      if (this.startsWith('<!DOCTYPE')) {
        this.skipUntil('>', this.pos);
        continue;
      }
      const first = this.s[this.pos]!;
      if (INVALID_CHAR.test(first)) this.fail('not well-formed (invalid token)');
      if (first === '"' || first === "'" || first === '%') this.fail('unclosed token');
      if (first === ')') this.fail('not well-formed (invalid token)', this.pos + 1);
      if (first !== '<') this.fail(isPrologToken(first) ? 'syntax error' : 'not well-formed (invalid token)');
      if (!NAME_START.test(this.s[this.pos + 1] ?? '')) {
        if (this.pos + 1 >= this.s.length) this.fail('unclosed token');
        this.fail('not well-formed (invalid token)', this.pos + 1);
      }
      break;
    }
    const root = this.element();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.s.length) return root;
      if (/^<\?xml[ \t\r\n?]/i.test(this.s.slice(this.pos, this.pos + 6))) this.fail('junk after document element');
      if (this.misc()) continue;
      if (INVALID_CHAR.test(this.s[this.pos]!)) this.fail('not well-formed (invalid token)');
      this.fail('junk after document element');
    }
  }

  /** Comments and processing instructions; true when one was consumed. */
  private misc(): boolean {
    if (this.startsWith('<!--')) {
      this.skipUntil('-->', this.pos);
      return true;
    }
    if (this.startsWith('<?')) {
      if (/^<\?xml[ \t\r\n?]/i.test(this.s.slice(this.pos, this.pos + 6))) {
        this.fail('XML or text declaration not at start of entity');
      }
      this.skipUntil('?>', this.pos);
      return true;
    }
    return false;
  }

  private skipUntil(end: string, start: number): void {
    const at = this.s.indexOf(end, this.pos);
    if (at === -1) this.fail('unclosed token', start);
    this.pos = at + end.length;
  }

  private name(): string {
    const start = this.pos;
    if (!NAME_START.test(this.s[this.pos] ?? '')) {
      if (this.pos >= this.s.length) this.fail('unclosed token', start);
      this.fail('not well-formed (invalid token)');
    }
    this.pos++;
    while (this.pos < this.s.length && NAME_CHAR.test(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos);
  }

  private element(): XmlElement {
    const stack: Open[] = [];
    let root: XmlElement | undefined;
    // at '<' of the root start tag
    for (;;) {
      const tagStart = this.pos;
      const started = this.startTag(tagStart, stack.at(-1)?.namespaces ?? new Map());
      const parent = stack.at(-1);
      if (parent) {
        parent.element.children.push(started.element);
        parent.hasChild = true;
      } else root = started.element;
      if (!started.empty) stack.push({ element: started.element, name: started.name, namespaces: started.namespaces, hasChild: false });
      if (stack.length === 0) return root!;
      // content of the innermost open element
      for (;;) {
        const open = stack.at(-1)!;
        const chunk = this.content();
        if (chunk && !open.hasChild) open.element.text = (open.element.text ?? '') + chunk;
        if (this.pos >= this.s.length) this.fail('no element found');
        if (this.startsWith('</')) {
          const tagPos = this.pos;
          this.pos += 2;
          const nameAt = this.pos;
          if (this.pos >= this.s.length) this.fail('unclosed token', tagPos);
          const name = this.name();
          this.skipSpace();
          if (this.pos >= this.s.length) this.fail('unclosed token', tagPos);
          if (this.s[this.pos] !== '>') this.fail('not well-formed (invalid token)');
          if (name !== open.name) this.fail('mismatched tag', nameAt);
          this.pos++;
          stack.pop();
          if (stack.length === 0) return root!;
          continue;
        }
        if (this.startsWith('<!--') || this.startsWith('<?')) {
          this.misc();
          continue;
        }
        if (this.startsWith('<![CDATA[')) {
          const at = this.s.indexOf(']]>', this.pos + 9);
          if (at === -1) this.fail('unclosed CDATA section');
          if (!open.hasChild) open.element.text = (open.element.text ?? '') + this.s.slice(this.pos + 9, at);
          this.pos = at + 3;
          continue;
        }
        // a child element
        if (!NAME_START.test(this.s[this.pos + 1] ?? '')) {
          if (this.pos + 1 >= this.s.length) this.fail('unclosed token');
          this.fail('not well-formed (invalid token)', this.pos + 1);
        }
        break;
      }
    }
  }

  private startTag(tagStart: number, inherited: Map<string, string>) {
    this.pos++; // '<'
    const name = this.name();
    const attributes = new Map<string, string>();
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.pos >= this.s.length) this.fail('unclosed token', tagStart);
      if (this.startsWith('/>') || this.s[this.pos] === '>') break;
      if (this.pos === before) this.fail('not well-formed (invalid token)');
      const attrAt = this.pos;
      const attr = this.name();
      this.skipSpace();
      if (this.pos >= this.s.length) this.fail('unclosed token', tagStart);
      if (this.s[this.pos] !== '=') this.fail('not well-formed (invalid token)');
      this.pos++;
      this.skipSpace();
      const quote = this.s[this.pos];
      if (this.pos >= this.s.length) this.fail('unclosed token', tagStart);
      if (quote !== '"' && quote !== "'") this.fail('not well-formed (invalid token)');
      const end = this.s.indexOf(quote, this.pos + 1);
      if (end === -1) this.fail('unclosed token', tagStart);
      const raw = this.s.slice(this.pos + 1, end);
      const bad = raw.search(/[<\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/);
      if (bad !== -1) this.fail('not well-formed (invalid token)', this.pos + 1 + bad);
      if (attributes.has(attr)) this.fail('duplicate attribute', attrAt);
      attributes.set(attr, raw);
      this.pos = end + 1;
    }
    const empty = this.startsWith('/>');
    this.pos += empty ? 2 : 1;
    const namespaces = new Map(inherited);
    for (const [attr, value] of attributes) {
      if (attr === 'xmlns') namespaces.set('', value);
      else if (attr.startsWith('xmlns:')) namespaces.set(attr.slice(6), value);
    }
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    const uri = namespaces.get(prefix);
    if (prefix && uri === undefined) this.fail('unbound prefix', tagStart);
    const tag = uri ? `{${uri}}${local}` : local;
    return { element: { tag, text: null, children: [] } as XmlElement, name, namespaces, empty };
  }

  /** Character data up to the next markup, with references replaced. */
  private content(): string {
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '<') break;
      if (INVALID_CHAR.test(c)) this.fail('not well-formed (invalid token)');
      if (c === '&') {
        out += this.reference();
        continue;
      }
      if (c === '\r') {
        out += '\n';
        this.pos += this.s[this.pos + 1] === '\n' ? 2 : 1;
        continue;
      }
      out += c;
      this.pos++;
    }
    return out;
  }

  private reference(): string {
    const at = this.pos;
    let i = at + 1;
    const invalid = (where: number): never => this.fail(where >= this.s.length ? 'unclosed token' : 'not well-formed (invalid token)', where >= this.s.length ? at : where);
    if (this.s[i] === '#') {
      i++;
      const hex = this.s[i] === 'x';
      if (hex) i++;
      const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
      const first = i;
      while (i < this.s.length && digits.test(this.s[i]!)) i++;
      if (i === first || this.s[i] !== ';') invalid(i);
      const code = parseInt(this.s.slice(first, i), hex ? 16 : 10);
      this.pos = i + 1;
      if (code === 0 || code > 0x10ffff || (code < 0x20 && ![9, 10, 13].includes(code)) || (code >= 0xd800 && code <= 0xdfff)) {
        this.fail('reference to invalid character number', at);
      }
      return String.fromCodePoint(code);
    }
    if (!NAME_START.test(this.s[i] ?? '')) invalid(i);
    i++;
    while (i < this.s.length && NAME_CHAR.test(this.s[i]!)) i++;
    if (this.s[i] !== ';') invalid(i);
    const name = this.s.slice(at + 1, i);
    this.pos = i + 1;
    const value = PREDEFINED[name];
    if (value === undefined) this.fail('undefined entity', at);
    return value;
  }

}
