// Reading the parts of a token the tokenizer has already accepted: names, attributes,
// character references, predefined entities, public ids, keywords.
import * as chars from './xml-chars';
import type { Tokenizer } from './xml-tokens';

// local copies of the constants (see xml-tokens.ts)
const { BT_AMP, BT_APOS, BT_AST, BT_COLON, BT_COMMA, BT_CR, BT_DIGIT, BT_EQUALS, BT_EXCL, BT_GT, BT_HEX, BT_LEAD2,
  BT_LEAD3, BT_LEAD4, BT_LF, BT_LPAR, BT_MINUS, BT_NAME, BT_NMSTRT, BT_NONASCII, BT_NUM, BT_PERCNT, BT_PLUS,
  BT_QUEST, BT_QUOT, BT_RPAR, BT_S, BT_SEMI, BT_SOL } = chars;

/** The length in bytes of the name at p. */
export function nameLength(t: Tokenizer, p: number): number {
  const start = p;
  for (;;) {
    const type = t.type(p);
    if (type === BT_LEAD2 || type === BT_LEAD3 || type === BT_LEAD4) p += type === BT_LEAD2 ? 2 : type === BT_LEAD3 ? 3 : 4;
    else if (type === BT_NONASCII || type === BT_NMSTRT || type === BT_COLON || type === BT_HEX || type === BT_DIGIT || type === BT_NAME || type === BT_MINUS) p += t.enc.unit;
    else return p - start;
  }
}

/** Whether [from, to) holds exactly the ASCII word. */
export function matchesAscii(t: Tokenizer, from: number, to: number, word: string): boolean {
  const u = t.enc.unit;
  for (let i = 0; i < word.length; i++, from += u) {
    if (to - from < u || !t.is(from, word.charCodeAt(i))) return false;
  }
  return from === to;
}

/** The ASCII character at p when p is before end, else -1. */
export function asciiBefore(t: Tokenizer, p: number, end: number): number {
  return end - p >= t.enc.unit ? t.enc.ascii(t.b, p) : -1;
}

export interface Attribute {
  name: number;
  valueStart: number;
  valueEnd: number;
  /** False when the value has references or white space other than single spaces. */
  normalized: boolean;
}

/** The attributes of a well-formed start tag at p (its `<`). */
export function attributeList(t: Tokenizer, p: number): Attribute[] {
  const u = t.enc.unit;
  const atts: Attribute[] = [];
  let state: 'other' | 'name' | 'value' = 'name';
  let open = 0;
  let current: Attribute | undefined;
  for (p += u; ; p += u) {
    const type = t.type(p);
    switch (type) {
      case BT_LEAD2:
      case BT_LEAD3:
      case BT_LEAD4:
      case BT_NONASCII:
      case BT_NMSTRT:
      case BT_HEX:
        if (state === 'other') {
          current = { name: p, valueStart: 0, valueEnd: 0, normalized: true };
          state = 'name';
        }
        if (type === BT_LEAD2 || type === BT_LEAD3 || type === BT_LEAD4) p += (type === BT_LEAD2 ? 2 : type === BT_LEAD3 ? 3 : 4) - u;
        break;
      case BT_QUOT:
      case BT_APOS:
        if (state !== 'value') {
          if (current) current.valueStart = p + u;
          state = 'value';
          open = type;
        } else if (open === type) {
          state = 'other';
          if (current) {
            current.valueEnd = p;
            atts.push(current);
            current = undefined;
          }
        }
        break;
      case BT_AMP:
        if (current) current.normalized = false;
        break;
      case BT_S:
        if (state === 'name') state = 'other';
        else if (
          state === 'value' && current?.normalized &&
          (p === current.valueStart || !t.is(p, 0x20) || t.is(p + u, 0x20) || t.type(p + u) === open)
        ) {
          current.normalized = false;
        }
        break;
      case BT_CR:
      case BT_LF:
        if (state === 'name') state = 'other';
        else if (state === 'value' && current) current.normalized = false;
        break;
      case BT_GT:
      case BT_SOL:
        if (state !== 'value') return atts;
        break;
    }
  }
}

/** The character a well-formed reference at p (its `&`) stands for, or -1 if XML forbids it. */
export function charRefNumber(t: Tokenizer, p: number): number {
  const u = t.enc.unit;
  p += 2 * u;
  let n = 0;
  if (t.is(p, 0x78)) {
    for (p += u; !t.is(p, 0x3b); p += u) {
      const c = t.enc.ascii(t.b, p);
      n = n * 16 + (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);
      if (n >= 0x110000) return -1;
    }
  } else {
    for (; !t.is(p, 0x3b); p += u) {
      n = n * 10 + (t.enc.ascii(t.b, p) - 0x30);
      if (n >= 0x110000) return -1;
    }
  }
  return isXmlChar(n) ? n : -1;
}

/** XML's Char production, as expat checks character references. */
function isXmlChar(n: number): boolean {
  if (n >= 0xd800 && n <= 0xdfff) return false;
  if (n < 0x20) return n === 0x09 || n === 0x0a || n === 0x0d;
  return n !== 0xfffe && n !== 0xffff;
}

const PREDEFINED: ReadonlyArray<readonly [string, number]> = [
  ['lt', 0x3c], ['gt', 0x3e], ['amp', 0x26], ['quot', 0x22], ['apos', 0x27],
];

/** The character of a predefined entity (lt, gt, amp, quot, apos) named by [from, to), or 0. */
export function predefinedEntity(t: Tokenizer, from: number, to: number): number {
  for (const [name, c] of PREDEFINED) if (matchesAscii(t, from, to, name)) return c;
  return 0;
}

/** For a public id literal [from, to) with its quotes: the position of a character not allowed there, or -1. */
export function publicIdError(t: Tokenizer, from: number, to: number): number {
  const u = t.enc.unit;
  for (let p = from + u; to - u - p >= u; p += u) {
    const c = t.enc.ascii(t.b, p);
    switch (t.type(p)) {
      case BT_DIGIT: case BT_HEX: case BT_MINUS: case BT_APOS: case BT_LPAR: case BT_RPAR: case BT_PLUS:
      case BT_COMMA: case BT_SOL: case BT_EQUALS: case BT_QUEST: case BT_CR: case BT_LF: case BT_SEMI:
      case BT_EXCL: case BT_AST: case BT_PERCNT: case BT_NUM: case BT_COLON:
        break;
      case BT_S:
        if (c === 0x09) return p;
        break;
      case BT_NAME:
      case BT_NMSTRT:
        if (c >= 0 && c < 0x80) break;
        if (c !== 0x24 && c !== 0x40) return p;
        break;
      default:
        // $ and @ are allowed too
        if (c !== 0x24 && c !== 0x40) return p;
    }
  }
  return -1;
}
