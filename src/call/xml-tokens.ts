// The XML reader's tokenizer: splits bytes into expat's tokens with expat's rules, including
// where a malformed token is reported (the `next` position of an INVALID token) and which
// tokens are only partial at the end of the input. One Tokenizer reads one buffer (the document,
// or an entity's replacement text) in one encoding.
import * as chars from './xml-chars';
// Constants the hot loops compare against, copied to locals: vitest's module runner reads imported
// bindings through getters, which made tests several times slower (a bundle inlines them anyway).
const { BT_AMP, BT_APOS, BT_AST, BT_COLON, BT_COMMA, BT_CR, BT_DIGIT, BT_EQUALS, BT_EXCL, BT_GT, BT_HEX,
  BT_LEAD2, BT_LEAD3, BT_LEAD4, BT_LF, BT_LPAR, BT_LSQB, BT_LT, BT_MALFORM, BT_MINUS, BT_NAME, BT_NMSTRT,
  BT_NONASCII, BT_NONXML, BT_NUM, BT_PERCNT, BT_PLUS, BT_QUEST, BT_QUOT, BT_RPAR, BT_RSQB, BT_S, BT_SEMI,
  BT_SOL, BT_TRAIL, BT_VERBAR } = chars;
import type { Encoding } from './xml-encoding';

// Tokens (expat's numbering; a negative value is an unfinished token at the end of the input).
export const TOK_TRAILING_RSQB = -5;
export const TOK_NONE = -4;
export const TOK_TRAILING_CR = -3;
export const TOK_PARTIAL_CHAR = -2;
export const TOK_PARTIAL = -1;
export const TOK_INVALID = 0;
export const TOK_START_TAG_WITH_ATTS = 1;
export const TOK_START_TAG_NO_ATTS = 2;
export const TOK_EMPTY_ELEMENT_WITH_ATTS = 3;
export const TOK_EMPTY_ELEMENT_NO_ATTS = 4;
export const TOK_END_TAG = 5;
export const TOK_DATA_CHARS = 6;
export const TOK_DATA_NEWLINE = 7;
export const TOK_CDATA_SECT_OPEN = 8;
export const TOK_ENTITY_REF = 9;
export const TOK_CHAR_REF = 10;
export const TOK_PI = 11;
export const TOK_XML_DECL = 12;
export const TOK_COMMENT = 13;
export const TOK_BOM = 14;
export const TOK_PROLOG_S = 15;
export const TOK_DECL_OPEN = 16;
export const TOK_DECL_CLOSE = 17;
export const TOK_NAME = 18;
export const TOK_NMTOKEN = 19;
export const TOK_POUND_NAME = 20;
export const TOK_OR = 21;
export const TOK_PERCENT = 22;
export const TOK_OPEN_PAREN = 23;
export const TOK_CLOSE_PAREN = 24;
export const TOK_OPEN_BRACKET = 25;
export const TOK_CLOSE_BRACKET = 26;
export const TOK_LITERAL = 27;
export const TOK_PARAM_ENTITY_REF = 28;
export const TOK_INSTANCE_START = 29;
export const TOK_NAME_QUESTION = 30;
export const TOK_NAME_ASTERISK = 31;
export const TOK_NAME_PLUS = 32;
export const TOK_COND_SECT_OPEN = 33;
export const TOK_COND_SECT_CLOSE = 34;
export const TOK_CLOSE_PAREN_QUESTION = 35;
export const TOK_CLOSE_PAREN_ASTERISK = 36;
export const TOK_CLOSE_PAREN_PLUS = 37;
export const TOK_COMMA = 38;
export const TOK_ATTRIBUTE_VALUE_S = 39;
export const TOK_CDATA_SECT_CLOSE = 40;
export const TOK_PREFIXED_NAME = 41;

// What the character helpers return when they do not return the end of a character.
const PARTIAL_CHAR = -1;
const INVALID = -2;
/** The byte type is none of the cases the helper handles. */
const OTHER = -3;

const ASCII = (c: string) => c.charCodeAt(0);
const C_GT = ASCII('>');
const C_MINUS = ASCII('-');
const C_RSQB = ASCII(']');
const C_x = ASCII('x');

export class Tokenizer {
  /** Where the last token ended, or where an INVALID token went wrong. */
  next = 0;
  private unit: number;
  private types: Uint8Array | null;

  constructor(
    public enc: Encoding,
    readonly b: Uint8Array,
  ) {
    this.unit = enc.unit;
    this.types = enc.types;
  }

  setEncoding(enc: Encoding): void {
    this.enc = enc;
    this.unit = enc.unit;
    this.types = enc.types;
  }

  type(p: number): number {
    return this.types ? this.types[this.b[p]!]! : this.enc.type(this.b, p);
  }

  /** Whether the character at p is the ASCII character c. */
  is(p: number, c: number): boolean {
    return this.enc.ascii(this.b, p) === c;
  }

  private has(p: number, end: number, count = 1): boolean {
    return end - p >= count * this.unit;
  }

  /** A UTF-16 scan stops at the last whole unit. */
  private wholeUnits(p: number, end: number): number {
    return this.unit === 2 ? p + ((end - p) & ~1) : end;
  }

  private fail(p: number): number {
    this.next = p;
    return TOK_INVALID;
  }

  /** The end of a multi-byte or invalid character at p of type t; OTHER for any other type. */
  private dataChar(t: number, p: number, end: number): number {
    if (t === BT_LEAD2 || t === BT_LEAD3 || t === BT_LEAD4) {
      const n = t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
      if (end - p < n) return PARTIAL_CHAR;
      if (this.enc.isInvalid(this.b, p, n)) {
        this.next = p;
        return INVALID;
      }
      return p + n;
    }
    if (t === BT_NONXML || t === BT_MALFORM || t === BT_TRAIL) {
      this.next = p;
      return INVALID;
    }
    return OTHER;
  }

  /** The end of a name character at p (a name start character when `start`); OTHER if t is not one. */
  private nameChar(t: number, p: number, end: number, start: boolean): number {
    switch (t) {
      case BT_NONASCII:
        if (!(start ? this.enc.isNameStartUnit(this.b, p) : this.enc.isNameUnit(this.b, p))) {
          this.next = p;
          return INVALID;
        }
        return p + this.unit;
      case BT_NMSTRT:
      case BT_HEX:
        return p + this.unit;
      case BT_DIGIT:
      case BT_NAME:
      case BT_MINUS:
        return start ? OTHER : p + this.unit;
      case BT_LEAD2:
      case BT_LEAD3:
      case BT_LEAD4: {
        const n = t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
        if (end - p < n) return PARTIAL_CHAR;
        if (this.enc.isInvalid(this.b, p, n) || !(start ? this.enc.isNameStart(this.b, p, n) : this.enc.isName(this.b, p, n))) {
          this.next = p;
          return INVALID;
        }
        return p + n;
      }
      default:
        return OTHER;
    }
  }

  /** Turns a helper's failure into the token to return. */
  private static failure(r: number): number {
    return r === PARTIAL_CHAR ? TOK_PARTIAL_CHAR : TOK_INVALID;
  }

  // ---- markup scanners; p is just after the markup's first characters ----

  /** After `<!-`. */
  private comment(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    if (!this.is(p, C_MINUS)) return this.fail(p);
    p += u;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.dataChar(t, p, end);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      if (t === BT_MINUS) {
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        if (this.is(p, C_MINUS)) {
          p += u;
          if (!this.has(p, end)) return TOK_PARTIAL;
          if (!this.is(p, C_GT)) return this.fail(p);
          this.next = p + u;
          return TOK_COMMENT;
        }
        continue;
      }
      p += u;
    }
    return TOK_PARTIAL;
  }

  /** After `<!` in the prolog. */
  private declaration(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    switch (this.type(p)) {
      case BT_MINUS:
        return this.comment(p + u, end);
      case BT_LSQB:
        this.next = p + u;
        return TOK_COND_SECT_OPEN;
      case BT_NMSTRT:
      case BT_HEX:
        p += u;
        break;
      default:
        return this.fail(p);
    }
    while (this.has(p, end)) {
      switch (this.type(p)) {
        case BT_PERCNT: {
          if (!this.has(p, end, 2)) return TOK_PARTIAL;
          // no `<!ENTITY% name`
          const t = this.type(p + u);
          if (t === BT_S || t === BT_CR || t === BT_LF || t === BT_PERCNT) return this.fail(p);
          this.next = p;
          return TOK_DECL_OPEN;
        }
        case BT_S:
        case BT_CR:
        case BT_LF:
          this.next = p;
          return TOK_DECL_OPEN;
        case BT_NMSTRT:
        case BT_HEX:
          p += u;
          break;
        default:
          return this.fail(p);
      }
    }
    return TOK_PARTIAL;
  }

  /** PI for a target other than xml (any case), XML_DECL for `xml`, 0 for `XML` or `Xml`. */
  private piTarget(from: number, to: number): number {
    const u = this.unit;
    if (to - from !== 3 * u) return TOK_PI;
    const a = this.enc.ascii(this.b, from);
    const m = this.enc.ascii(this.b, from + u);
    const l = this.enc.ascii(this.b, from + 2 * u);
    if (!(a === 0x78 || a === 0x58) || !(m === 0x6d || m === 0x4d) || !(l === 0x6c || l === 0x4c)) return TOK_PI;
    return a === 0x78 && m === 0x6d && l === 0x6c ? TOK_XML_DECL : 0;
  }

  /** After `<?`. */
  private processingInstruction(p: number, end: number): number {
    const u = this.unit;
    const target = p;
    if (!this.has(p, end)) return TOK_PARTIAL;
    const first = this.nameChar(this.type(p), p, end, true);
    if (first === OTHER) return this.fail(p);
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      if (t === BT_S || t === BT_CR || t === BT_LF) {
        const tok = this.piTarget(target, p);
        if (!tok) return this.fail(p);
        p += u;
        while (this.has(p, end)) {
          const t2 = this.type(p);
          const r2 = this.dataChar(t2, p, end);
          if (r2 !== OTHER) {
            if (r2 < 0) return Tokenizer.failure(r2);
            p = r2;
            continue;
          }
          p += u;
          if (t2 === BT_QUEST) {
            if (!this.has(p, end)) return TOK_PARTIAL;
            if (this.is(p, C_GT)) {
              this.next = p + u;
              return tok;
            }
          }
        }
        return TOK_PARTIAL;
      }
      if (t === BT_QUEST) {
        const tok = this.piTarget(target, p);
        if (!tok) return this.fail(p);
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        if (this.is(p, C_GT)) {
          this.next = p + u;
          return tok;
        }
      }
      return this.fail(p);
    }
    return TOK_PARTIAL;
  }

  /** After `<![`. */
  private cdataOpen(p: number, end: number): number {
    if (!this.has(p, end, 6)) return TOK_PARTIAL;
    for (const c of 'CDATA[') {
      if (!this.is(p, c.charCodeAt(0))) return this.fail(p);
      p += this.unit;
    }
    this.next = p;
    return TOK_CDATA_SECT_OPEN;
  }

  /** After `</`. */
  private endTag(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    const first = this.nameChar(this.type(p), p, end, true);
    if (first === OTHER) return this.fail(p);
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      switch (t) {
        case BT_S:
        case BT_CR:
        case BT_LF:
          for (p += u; this.has(p, end); p += u) {
            const t2 = this.type(p);
            if (t2 === BT_S || t2 === BT_CR || t2 === BT_LF) continue;
            if (t2 === BT_GT) {
              this.next = p + u;
              return TOK_END_TAG;
            }
            return this.fail(p);
          }
          return TOK_PARTIAL;
        case BT_COLON:
          // the end tag must repeat the start tag exactly: no need to check its name here
          p += u;
          break;
        case BT_GT:
          this.next = p + u;
          return TOK_END_TAG;
        default:
          return this.fail(p);
      }
    }
    return TOK_PARTIAL;
  }

  /** After `&#` (and the `x` of a hexadecimal reference). */
  private charRef(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    let hex = false;
    if (this.is(p, C_x)) {
      hex = true;
      p += u;
      if (!this.has(p, end)) return TOK_PARTIAL;
    }
    const digit = (t: number) => t === BT_DIGIT || (hex && t === BT_HEX);
    if (!digit(this.type(p))) return this.fail(p);
    for (p += u; this.has(p, end); p += u) {
      const t = this.type(p);
      if (digit(t)) continue;
      if (t === BT_SEMI) {
        this.next = p + u;
        return TOK_CHAR_REF;
      }
      return this.fail(p);
    }
    return TOK_PARTIAL;
  }

  /** After `&`. */
  private reference(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    const t0 = this.type(p);
    if (t0 === BT_NUM) return this.charRef(p + u, end);
    const first = this.nameChar(t0, p, end, true);
    if (first === OTHER) return this.fail(p);
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      if (t === BT_SEMI) {
        this.next = p + u;
        return TOK_ENTITY_REF;
      }
      return this.fail(p);
    }
    return TOK_PARTIAL;
  }

  /** After the first character of an attribute name, up to the end of the start tag. */
  private attributes(p: number, end: number): number {
    const u = this.unit;
    let hadColon = false;
    while (this.has(p, end)) {
      let t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      if (t === BT_COLON) {
        if (hadColon) return this.fail(p);
        hadColon = true;
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        const r2 = this.nameChar(this.type(p), p, end, true);
        if (r2 === OTHER) return this.fail(p);
        if (r2 < 0) return Tokenizer.failure(r2);
        p = r2;
        continue;
      }
      if (t === BT_S || t === BT_CR || t === BT_LF) {
        for (;;) {
          p += u;
          if (!this.has(p, end)) return TOK_PARTIAL;
          t = this.type(p);
          if (t === BT_EQUALS) break;
          if (t !== BT_S && t !== BT_LF && t !== BT_CR) return this.fail(p);
        }
      }
      if (t !== BT_EQUALS) return this.fail(p);
      // the value
      hadColon = false;
      let open: number;
      for (;;) {
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        open = this.type(p);
        if (open === BT_QUOT || open === BT_APOS) break;
        if (open !== BT_S && open !== BT_LF && open !== BT_CR) return this.fail(p);
      }
      p += u;
      for (;;) {
        if (!this.has(p, end)) return TOK_PARTIAL;
        const t2 = this.type(p);
        if (t2 === open) break;
        const r2 = this.dataChar(t2, p, end);
        if (r2 !== OTHER) {
          if (r2 < 0) return Tokenizer.failure(r2);
          p = r2;
          continue;
        }
        if (t2 === BT_AMP) {
          const tok = this.reference(p + u, end);
          if (tok <= 0) return tok;
          p = this.next;
          continue;
        }
        if (t2 === BT_LT) return this.fail(p);
        p += u;
      }
      p += u;
      if (!this.has(p, end)) return TOK_PARTIAL;
      const after = this.type(p);
      if (after === BT_SOL || after === BT_GT) return this.tagEnd(after, p, end, true);
      if (after !== BT_S && after !== BT_CR && after !== BT_LF) return this.fail(p);
      // white space after a value: another attribute or the end of the tag
      for (;;) {
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        const t3 = this.type(p);
        if (t3 === BT_S || t3 === BT_CR || t3 === BT_LF) continue;
        if (t3 === BT_GT || t3 === BT_SOL) return this.tagEnd(t3, p, end, true);
        const r3 = this.nameChar(t3, p, end, true);
        if (r3 === OTHER) return this.fail(p);
        if (r3 < 0) return Tokenizer.failure(r3);
        p = r3;
        break;
      }
    }
    return TOK_PARTIAL;
  }

  /** At the `>` or `/` that ends a start tag. */
  private tagEnd(t: number, p: number, end: number, withAttributes: boolean): number {
    const u = this.unit;
    if (t === BT_GT) {
      this.next = p + u;
      return withAttributes ? TOK_START_TAG_WITH_ATTS : TOK_START_TAG_NO_ATTS;
    }
    p += u;
    if (!this.has(p, end)) return TOK_PARTIAL;
    if (!this.is(p, C_GT)) return this.fail(p);
    this.next = p + u;
    return withAttributes ? TOK_EMPTY_ELEMENT_WITH_ATTS : TOK_EMPTY_ELEMENT_NO_ATTS;
  }

  /** After `<` in content. */
  private lessThan(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    const t0 = this.type(p);
    const first = this.nameChar(t0, p, end, true);
    if (first === OTHER) {
      switch (t0) {
        case BT_EXCL:
          p += u;
          if (!this.has(p, end)) return TOK_PARTIAL;
          switch (this.type(p)) {
            case BT_MINUS:
              return this.comment(p + u, end);
            case BT_LSQB:
              return this.cdataOpen(p + u, end);
          }
          return this.fail(p);
        case BT_QUEST:
          return this.processingInstruction(p + u, end);
        case BT_SOL:
          return this.endTag(p + u, end);
        default:
          return this.fail(p);
      }
    }
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    let hadColon = false;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      switch (t) {
        case BT_COLON: {
          if (hadColon) return this.fail(p);
          hadColon = true;
          p += u;
          if (!this.has(p, end)) return TOK_PARTIAL;
          const r2 = this.nameChar(this.type(p), p, end, true);
          if (r2 === OTHER) return this.fail(p);
          if (r2 < 0) return Tokenizer.failure(r2);
          p = r2;
          break;
        }
        case BT_S:
        case BT_CR:
        case BT_LF:
          for (p += u; this.has(p, end); p += u) {
            const t2 = this.type(p);
            if (t2 === BT_S || t2 === BT_CR || t2 === BT_LF) continue;
            if (t2 === BT_GT || t2 === BT_SOL) return this.tagEnd(t2, p, end, false);
            const r2 = this.nameChar(t2, p, end, true);
            if (r2 === OTHER) return this.fail(p);
            if (r2 < 0) return Tokenizer.failure(r2);
            return this.attributes(r2, end);
          }
          return TOK_PARTIAL;
        case BT_GT:
        case BT_SOL:
          return this.tagEnd(t, p, end, false);
        default:
          return this.fail(p);
      }
    }
    return TOK_PARTIAL;
  }

  /** The next token of element content. */
  contentToken(p: number, end: number): number {
    const u = this.unit;
    if (p >= end) return TOK_NONE;
    end = this.wholeUnits(p, end);
    if (end === p) return TOK_PARTIAL;
    const t0 = this.type(p);
    switch (t0) {
      case BT_LT:
        return this.lessThan(p + u, end);
      case BT_AMP:
        return this.reference(p + u, end);
      case BT_CR:
        p += u;
        if (!this.has(p, end)) return TOK_TRAILING_CR;
        if (this.type(p) === BT_LF) p += u;
        this.next = p;
        return TOK_DATA_NEWLINE;
      case BT_LF:
        this.next = p + u;
        return TOK_DATA_NEWLINE;
      case BT_RSQB:
        p += u;
        if (!this.has(p, end)) return TOK_TRAILING_RSQB;
        if (this.is(p, C_RSQB)) {
          p += u;
          if (!this.has(p, end)) return TOK_TRAILING_RSQB;
          if (this.is(p, C_GT)) return this.fail(p);
          p -= u;
        }
        break;
      default: {
        const r = this.dataChar(t0, p, end);
        if (r !== OTHER) {
          if (r < 0) return Tokenizer.failure(r);
          p = r;
        } else p += u;
      }
    }
    while (this.has(p, end)) {
      const t = this.type(p);
      switch (t) {
        case BT_LEAD2:
        case BT_LEAD3:
        case BT_LEAD4: {
          const n = t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
          if (end - p < n || this.enc.isInvalid(this.b, p, n)) {
            this.next = p;
            return TOK_DATA_CHARS;
          }
          p += n;
          break;
        }
        case BT_RSQB:
          if (this.has(p, end, 2)) {
            if (!this.is(p + u, C_RSQB)) {
              p += u;
              break;
            }
            if (this.has(p, end, 3)) {
              if (!this.is(p + 2 * u, C_GT)) {
                p += u;
                break;
              }
              return this.fail(p + 2 * u);
            }
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_AMP:
        case BT_LT:
        case BT_NONXML:
        case BT_MALFORM:
        case BT_TRAIL:
        case BT_CR:
        case BT_LF:
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p += u;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  /** The next token inside a CDATA section. */
  cdataToken(p: number, end: number): number {
    const u = this.unit;
    if (p >= end) return TOK_NONE;
    end = this.wholeUnits(p, end);
    if (end === p) return TOK_PARTIAL;
    const t0 = this.type(p);
    switch (t0) {
      case BT_RSQB:
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        if (!this.is(p, C_RSQB)) break;
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        if (!this.is(p, C_GT)) {
          p -= u;
          break;
        }
        this.next = p + u;
        return TOK_CDATA_SECT_CLOSE;
      case BT_CR:
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        if (this.type(p) === BT_LF) p += u;
        this.next = p;
        return TOK_DATA_NEWLINE;
      case BT_LF:
        this.next = p + u;
        return TOK_DATA_NEWLINE;
      default: {
        const r = this.dataChar(t0, p, end);
        if (r !== OTHER) {
          if (r < 0) return Tokenizer.failure(r);
          p = r;
        } else p += u;
      }
    }
    while (this.has(p, end)) {
      const t = this.type(p);
      switch (t) {
        case BT_LEAD2:
        case BT_LEAD3:
        case BT_LEAD4: {
          const n = t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
          if (end - p < n || this.enc.isInvalid(this.b, p, n)) {
            this.next = p;
            return TOK_DATA_CHARS;
          }
          p += n;
          break;
        }
        case BT_NONXML:
        case BT_MALFORM:
        case BT_TRAIL:
        case BT_CR:
        case BT_LF:
        case BT_RSQB:
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p += u;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  // ---- the prolog ----

  /** After `%`. */
  private percent(p: number, end: number): number {
    const u = this.unit;
    if (!this.has(p, end)) return TOK_PARTIAL;
    const t0 = this.type(p);
    const first = this.nameChar(t0, p, end, true);
    if (first === OTHER) {
      this.next = p;
      return t0 === BT_S || t0 === BT_LF || t0 === BT_CR || t0 === BT_PERCNT ? TOK_PERCENT : TOK_INVALID;
    }
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      if (t === BT_SEMI) {
        this.next = p + u;
        return TOK_PARAM_ENTITY_REF;
      }
      return this.fail(p);
    }
    return TOK_PARTIAL;
  }

  /** After `#`. */
  private poundName(p: number, end: number): number {
    if (!this.has(p, end)) return TOK_PARTIAL;
    const first = this.nameChar(this.type(p), p, end, true);
    if (first === OTHER) return this.fail(p);
    if (first < 0) return Tokenizer.failure(first);
    p = first;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      switch (t) {
        case BT_CR:
        case BT_LF:
        case BT_S:
        case BT_RPAR:
        case BT_GT:
        case BT_PERCNT:
        case BT_VERBAR:
          this.next = p;
          return TOK_POUND_NAME;
        default:
          return this.fail(p);
      }
    }
    return -TOK_POUND_NAME;
  }

  /** After an opening quote in the prolog. */
  private literal(open: number, p: number, end: number): number {
    const u = this.unit;
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.dataChar(t, p, end);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      p += u;
      if (t !== open) continue;
      if (!this.has(p, end)) return -TOK_LITERAL;
      this.next = p;
      switch (this.type(p)) {
        case BT_S:
        case BT_CR:
        case BT_LF:
        case BT_GT:
        case BT_PERCNT:
        case BT_LSQB:
          return TOK_LITERAL;
        default:
          return TOK_INVALID;
      }
    }
    return TOK_PARTIAL;
  }

  /** The next token of the prolog, of a DTD, or after the document element. */
  prologToken(p: number, end: number): number {
    const u = this.unit;
    if (p >= end) return TOK_NONE;
    end = this.wholeUnits(p, end);
    if (end === p) return TOK_PARTIAL;
    const t0 = this.type(p);
    let tok: number;
    switch (t0) {
      case BT_QUOT:
      case BT_APOS:
        return this.literal(t0, p + u, end);
      case BT_LT: {
        p += u;
        if (!this.has(p, end)) return TOK_PARTIAL;
        switch (this.type(p)) {
          case BT_EXCL:
            return this.declaration(p + u, end);
          case BT_QUEST:
            return this.processingInstruction(p + u, end);
          case BT_NMSTRT:
          case BT_HEX:
          case BT_NONASCII:
          case BT_LEAD2:
          case BT_LEAD3:
          case BT_LEAD4:
            this.next = p - u;
            return TOK_INSTANCE_START;
        }
        return this.fail(p);
      }
      case BT_CR:
      case BT_S:
      case BT_LF:
        if (t0 === BT_CR && p + u === end) {
          // might be the CR of a CRLF
          this.next = end;
          return -TOK_PROLOG_S;
        }
        for (;;) {
          p += u;
          if (!this.has(p, end)) break;
          const t = this.type(p);
          if (t === BT_S || t === BT_LF) continue;
          if (t === BT_CR && p + u !== end) continue;
          break;
        }
        this.next = p;
        return TOK_PROLOG_S;
      case BT_PERCNT:
        return this.percent(p + u, end);
      case BT_COMMA:
        this.next = p + u;
        return TOK_COMMA;
      case BT_LSQB:
        this.next = p + u;
        return TOK_OPEN_BRACKET;
      case BT_RSQB:
        p += u;
        if (!this.has(p, end)) return -TOK_CLOSE_BRACKET;
        if (this.is(p, C_RSQB)) {
          if (!this.has(p, end, 2)) return TOK_PARTIAL;
          if (this.is(p + u, C_GT)) {
            this.next = p + 2 * u;
            return TOK_COND_SECT_CLOSE;
          }
        }
        this.next = p;
        return TOK_CLOSE_BRACKET;
      case BT_LPAR:
        this.next = p + u;
        return TOK_OPEN_PAREN;
      case BT_RPAR:
        p += u;
        if (!this.has(p, end)) return -TOK_CLOSE_PAREN;
        switch (this.type(p)) {
          case BT_AST:
            this.next = p + u;
            return TOK_CLOSE_PAREN_ASTERISK;
          case BT_QUEST:
            this.next = p + u;
            return TOK_CLOSE_PAREN_QUESTION;
          case BT_PLUS:
            this.next = p + u;
            return TOK_CLOSE_PAREN_PLUS;
          case BT_CR:
          case BT_LF:
          case BT_S:
          case BT_GT:
          case BT_COMMA:
          case BT_VERBAR:
          case BT_RPAR:
            this.next = p;
            return TOK_CLOSE_PAREN;
        }
        return this.fail(p);
      case BT_VERBAR:
        this.next = p + u;
        return TOK_OR;
      case BT_GT:
        this.next = p + u;
        return TOK_DECL_CLOSE;
      case BT_NUM:
        return this.poundName(p + u, end);
      case BT_LEAD2:
      case BT_LEAD3:
      case BT_LEAD4: {
        const n = t0 === BT_LEAD2 ? 2 : t0 === BT_LEAD3 ? 3 : 4;
        if (end - p < n) return TOK_PARTIAL_CHAR;
        if (this.enc.isInvalid(this.b, p, n)) return this.fail(p);
        if (this.enc.isNameStart(this.b, p, n)) tok = TOK_NAME;
        else if (this.enc.isName(this.b, p, n)) tok = TOK_NMTOKEN;
        else return this.fail(p);
        p += n;
        break;
      }
      case BT_NMSTRT:
      case BT_HEX:
        tok = TOK_NAME;
        p += u;
        break;
      case BT_DIGIT:
      case BT_NAME:
      case BT_MINUS:
      case BT_COLON:
        tok = TOK_NMTOKEN;
        p += u;
        break;
      case BT_NONASCII:
        if (this.enc.isNameStartUnit(this.b, p)) tok = TOK_NAME;
        else if (this.enc.isNameUnit(this.b, p)) tok = TOK_NMTOKEN;
        else return this.fail(p);
        p += u;
        break;
      default:
        return this.fail(p);
    }
    // the rest of a name or name token
    while (this.has(p, end)) {
      const t = this.type(p);
      const r = this.nameChar(t, p, end, false);
      if (r !== OTHER) {
        if (r < 0) return Tokenizer.failure(r);
        p = r;
        continue;
      }
      switch (t) {
        case BT_GT:
        case BT_RPAR:
        case BT_COMMA:
        case BT_VERBAR:
        case BT_LSQB:
        case BT_PERCNT:
        case BT_S:
        case BT_CR:
        case BT_LF:
          this.next = p;
          return tok;
        case BT_COLON:
          p += u;
          if (tok === TOK_NAME) {
            if (!this.has(p, end)) return TOK_PARTIAL;
            tok = TOK_PREFIXED_NAME;
            const r2 = this.nameChar(this.type(p), p, end, false);
            if (r2 === OTHER) tok = TOK_NMTOKEN;
            else if (r2 < 0) return Tokenizer.failure(r2);
            else p = r2;
          } else if (tok === TOK_PREFIXED_NAME) tok = TOK_NMTOKEN;
          break;
        case BT_PLUS:
        case BT_AST:
        case BT_QUEST:
          if (tok === TOK_NMTOKEN) return this.fail(p);
          this.next = p + u;
          return t === BT_PLUS ? TOK_NAME_PLUS : t === BT_AST ? TOK_NAME_ASTERISK : TOK_NAME_QUESTION;
        default:
          return this.fail(p);
      }
    }
    return -tok;
  }

  // ---- literals already scanned as one token ----

  /** The next piece of an attribute value (p..end is the value without its quotes). */
  attributeValueToken(p: number, end: number): number {
    const u = this.unit;
    if (p >= end) return TOK_NONE;
    const start = p;
    while (this.has(p, end)) {
      const t = this.type(p);
      switch (t) {
        case BT_LEAD2:
        case BT_LEAD3:
        case BT_LEAD4:
          p += t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
          continue;
        case BT_AMP:
          if (p === start) return this.reference(p + u, end);
          break;
        case BT_LT:
          // only possible in entity replacement text
          return this.fail(p);
        case BT_LF:
          if (p === start) {
            this.next = p + u;
            return TOK_DATA_NEWLINE;
          }
          break;
        case BT_CR:
          if (p === start) {
            p += u;
            if (!this.has(p, end)) return TOK_TRAILING_CR;
            if (this.type(p) === BT_LF) p += u;
            this.next = p;
            return TOK_DATA_NEWLINE;
          }
          break;
        case BT_S:
          if (p === start) {
            this.next = p + u;
            return TOK_ATTRIBUTE_VALUE_S;
          }
          break;
        default:
          p += u;
          continue;
      }
      this.next = p;
      return TOK_DATA_CHARS;
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  /** The next piece of an entity value literal (p..end is the value without its quotes). */
  entityValueToken(p: number, end: number): number {
    const u = this.unit;
    if (p >= end) return TOK_NONE;
    const start = p;
    while (this.has(p, end)) {
      const t = this.type(p);
      switch (t) {
        case BT_LEAD2:
        case BT_LEAD3:
        case BT_LEAD4:
          p += t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
          continue;
        case BT_AMP:
          if (p === start) return this.reference(p + u, end);
          break;
        case BT_PERCNT:
          if (p === start) {
            const tok = this.percent(p + u, end);
            return tok === TOK_PERCENT ? TOK_INVALID : tok;
          }
          break;
        case BT_LF:
          if (p === start) {
            this.next = p + u;
            return TOK_DATA_NEWLINE;
          }
          break;
        case BT_CR:
          if (p === start) {
            p += u;
            if (!this.has(p, end)) return TOK_TRAILING_CR;
            if (this.type(p) === BT_LF) p += u;
            this.next = p;
            return TOK_DATA_NEWLINE;
          }
          break;
        default:
          p += u;
          continue;
      }
      this.next = p;
      return TOK_DATA_CHARS;
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }
}
