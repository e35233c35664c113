// The encodings the XML reader reads, as expat reads them. botocore names UTF-8 as the document's
// encoding, which makes expat ignore an encoding declaration, but not its auto-detection: a byte
// order mark, or a NUL in the first two bytes, still switches the document to UTF-16.
import { INTERNAL_UTF8_TYPES, isNameChar, isNameStartChar, UTF16_LOW_TYPES, UTF8_TYPES } from './xml-chars';
import * as chars from './xml-chars';
// local copies of the constants (see xml-tokens.ts)
const { BT_CR, BT_LEAD2, BT_LEAD3, BT_LEAD4, BT_LF, BT_NONASCII, BT_NONXML, BT_TRAIL } = chars;

export interface Encoding {
  /** Bytes of the smallest character: 1 for UTF-8, 2 for UTF-16. */
  readonly unit: 1 | 2;
  /** The byte-type table of a 1-byte-unit encoding (the tokenizer's fast path). */
  readonly types: Uint8Array | null;
  type(b: Uint8Array, p: number): number;
  /** The character at p when it is ASCII, else -1. */
  ascii(b: Uint8Array, p: number): number;
  /** For BT_NONASCII units (UTF-16). */
  isNameUnit(b: Uint8Array, p: number): boolean;
  isNameStartUnit(b: Uint8Array, p: number): boolean;
  /** For a multi-byte character of n bytes starting at p (a BT_LEADn byte). */
  isInvalid(b: Uint8Array, p: number, n: number): boolean;
  isName(b: Uint8Array, p: number, n: number): boolean;
  isNameStart(b: Uint8Array, p: number, n: number): boolean;
  /** Text of a range the tokenizer accepted. */
  decode(b: Uint8Array, from: number, to: number): string;
}

// ignoreBOM: a U+FEFF at the start of a range is text, not a byte order mark
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function utf8CodePoint(b: Uint8Array, p: number, n: number): number {
  if (n === 2) return ((b[p]! & 0x1f) << 6) | (b[p + 1]! & 0x3f);
  return ((b[p]! & 0x0f) << 12) | ((b[p + 1]! & 0x3f) << 6) | (b[p + 2]! & 0x3f);
}

/** UTF-8 sequences expat refuses: overlong forms, surrogates, U+FFFE/U+FFFF, beyond U+10FFFF. */
function utf8Invalid(b: Uint8Array, p: number, n: number): boolean {
  const b0 = b[p]!;
  const b1 = b[p + 1]!;
  const cont = (x: number) => (x & 0xc0) === 0x80;
  if (n === 2) return b0 < 0xc2 || !cont(b1);
  const b2 = b[p + 2]!;
  if (n === 3) {
    if (!cont(b2) || (b0 === 0xef && b1 === 0xbf && b2 > 0xbd)) return true;
    if (b0 === 0xe0) return b1 < 0xa0 || !cont(b1);
    if (b0 === 0xed) return !cont(b1) || b1 > 0x9f;
    return !cont(b1);
  }
  const b3 = b[p + 3]!;
  if (!cont(b3) || !cont(b2)) return true;
  if (b0 === 0xf0) return b1 < 0x90 || !cont(b1);
  if (b0 === 0xf4) return !cont(b1) || b1 > 0x8f;
  return !cont(b1);
}

/** Names and short texts are mostly ASCII: building those directly spares a decoder call. */
function decodeUtf8(b: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let out = '';
    for (let p = from; p < to; p++) {
      const c = b[p]!;
      if (c >= 0x80) return utf8Decoder.decode(b.subarray(from, to));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return utf8Decoder.decode(b.subarray(from, to));
}

function utf8(types: Uint8Array): Encoding {
  return {
    unit: 1,
    types,
    type: (b, p) => types[b[p]!]!,
    ascii: (b, p) => (b[p]! < 0x80 ? b[p]! : -1),
    isNameUnit: () => false,
    isNameStartUnit: () => false,
    isInvalid: utf8Invalid,
    // 4-byte characters are never part of a name
    isName: (b, p, n) => n < 4 && isNameChar(utf8CodePoint(b, p, n)),
    isNameStart: (b, p, n) => n < 4 && isNameStartChar(utf8CodePoint(b, p, n)),
    decode: decodeUtf8,
  };
}

/** UTF-8, for the document. */
export const UTF8 = utf8(UTF8_TYPES);
/** UTF-8 as expat keeps entity replacement text: a CR there is plain white space. */
export const INTERNAL_UTF8 = utf8(INTERNAL_UTF8_TYPES);

function utf16(bigEndian: boolean): Encoding {
  const hi = bigEndian ? 0 : 1;
  const lo = 1 - hi;
  const unitAt = (b: Uint8Array, p: number) => (b[p + hi]! << 8) | b[p + lo]!;
  const type = (b: Uint8Array, p: number): number => {
    const h = b[p + hi]!;
    if (h === 0) return UTF16_LOW_TYPES[b[p + lo]!]!;
    if (h >= 0xd8 && h <= 0xdb) return BT_LEAD4;
    if (h >= 0xdc && h <= 0xdf) return BT_TRAIL;
    if (h === 0xff && b[p + lo]! >= 0xfe) return BT_NONXML;
    return BT_NONASCII;
  };
  return {
    unit: 2,
    types: null,
    type,
    ascii: (b, p) => (b[p + hi] === 0 && b[p + lo]! < 0x80 ? b[p + lo]! : -1),
    isNameUnit: (b, p) => isNameChar(unitAt(b, p)),
    isNameStartUnit: (b, p) => isNameStartChar(unitAt(b, p)),
    // expat checks nothing in UTF-16: a high surrogate takes the next unit, whatever it is
    isInvalid: () => false,
    isName: () => false,
    isNameStart: () => false,
    decode(b, from, to) {
      let out = '';
      for (let p = from; p + 1 < to; p += 2) {
        const u = unitAt(b, p);
        if (u >= 0xd800 && u <= 0xdbff && p + 3 < to) {
          // only the low ten bits of the second unit count, as in expat's conversion
          out += String.fromCodePoint(0x10000 + ((u & 0x3ff) << 10) + (unitAt(b, p + 2) & 0x3ff));
          p += 2;
        } else out += String.fromCharCode(u);
      }
      return out;
    },
  };
}

export const UTF16BE = utf16(true);
export const UTF16LE = utf16(false);

export interface Position {
  line: number;
  column: number;
}

/**
 * Moves a position over [from, to): a line per LF, CR or CRLF, a column per character (a
 * multi-byte character counts once, an invalid byte counts as a character).
 */
export function advancePosition(enc: Encoding, b: Uint8Array, from: number, to: number, pos: Position): void {
  const unit = enc.unit;
  let p = from;
  while (to - p >= unit) {
    const t = enc.type(b, p);
    if (t === BT_LEAD2 || t === BT_LEAD3 || t === BT_LEAD4) {
      p += t === BT_LEAD2 ? 2 : t === BT_LEAD3 ? 3 : 4;
      pos.column++;
    } else if (t === BT_LF) {
      pos.line++;
      pos.column = 0;
      p += unit;
    } else if (t === BT_CR) {
      pos.line++;
      pos.column = 0;
      p += unit;
      if (to - p >= unit && enc.type(b, p) === BT_LF) p += unit;
    } else {
      pos.column++;
      p += unit;
    }
  }
}

/**
 * The start of the document: expat's detection with UTF-8 as the declared (protocol) encoding.
 * Returns the encoding and how many bytes of byte order mark to skip, or 'partial' when there
 * are too few bytes to decide.
 */
export function detectEncoding(b: Uint8Array, end: number): { enc: Encoding; bom: number } | 'partial' | 'empty' {
  if (end === 0) return 'empty';
  if (end === 1) {
    return b[0] === 0xfe || b[0] === 0xff || b[0] === 0xef || b[0] === 0x00 || b[0] === 0x3c ? 'partial' : { enc: UTF8, bom: 0 };
  }
  const first = (b[0]! << 8) | b[1]!;
  if (first === 0xfeff) return { enc: UTF16BE, bom: 2 };
  if (first === 0xfffe) return { enc: UTF16LE, bom: 2 };
  if (first === 0x3c00) return { enc: UTF16LE, bom: 0 };
  if (first === 0xefbb) {
    if (end === 2) return 'partial';
    if (b[2] === 0xbf) return { enc: UTF8, bom: 3 };
    return { enc: UTF8, bom: 0 };
  }
  if (b[0] === 0) return { enc: UTF16BE, bom: 0 };
  if (b[1] === 0) return { enc: UTF16LE, bom: 0 };
  return { enc: UTF8, bom: 0 };
}
