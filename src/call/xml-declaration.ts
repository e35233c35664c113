// The XML declaration (`<?xml version="1.0" encoding="…" standalone="…"?>`), checked as expat
// checks it: the pseudo-attributes in this order, values of letters, digits and `._-` only.
// The declared encoding is not used (botocore names UTF-8), but it must look like a name.
import { asciiBefore, matchesAscii } from './xml-token-parts';
import type { Tokenizer } from './xml-tokens';

export type XmlDeclaration = { readonly ok: true; readonly standalone: boolean } | { readonly ok: false; readonly at: number };

const isSpace = (c: number) => c === 0x20 || c === 0x0d || c === 0x0a || c === 0x09;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isValueChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x5f;

type Pseudo =
  | { readonly kind: 'none' }
  | { readonly kind: 'bad'; readonly at: number }
  | { readonly kind: 'attribute'; readonly name: number; readonly nameEnd: number; readonly value: number; readonly next: number };

/** One `name="value"` after white space, up to end; 'none' when only white space is left. */
function pseudoAttribute(t: Tokenizer, p: number, end: number): Pseudo {
  const u = t.enc.unit;
  const at = (q: number) => asciiBefore(t, q, end);
  if (p === end) return { kind: 'none' };
  if (!isSpace(at(p))) return { kind: 'bad', at: p };
  do p += u;
  while (isSpace(at(p)));
  if (p === end) return { kind: 'none' };
  const name = p;
  let nameEnd: number;
  for (;;) {
    const c = at(p);
    if (c === -1) return { kind: 'bad', at: p };
    if (c === 0x3d) {
      nameEnd = p;
      break;
    }
    if (isSpace(c)) {
      nameEnd = p;
      let c2: number;
      do {
        p += u;
        c2 = at(p);
      } while (isSpace(c2));
      if (c2 !== 0x3d) return { kind: 'bad', at: p };
      break;
    }
    p += u;
  }
  if (p === name) return { kind: 'bad', at: p };
  p += u;
  while (isSpace(at(p))) p += u;
  const open = at(p);
  if (open !== 0x22 && open !== 0x27) return { kind: 'bad', at: p };
  p += u;
  const value = p;
  for (; ; p += u) {
    const c = at(p);
    if (c === open) break;
    if (!isValueChar(c)) return { kind: 'bad', at: p };
  }
  return { kind: 'attribute', name, nameEnd, value, next: p + u };
}

/** Reads the XML_DECL token [from, to). */
export function readXmlDeclaration(t: Tokenizer, from: number, to: number): XmlDeclaration {
  const u = t.enc.unit;
  const end = to - 2 * u;
  let p = from + 5 * u;
  const bad = (at: number): XmlDeclaration => ({ ok: false, at });
  let a = pseudoAttribute(t, p, end);
  if (a.kind === 'bad') return bad(a.at);
  if (a.kind === 'none') return bad(p);
  if (!matchesAscii(t, a.name, a.nameEnd, 'version')) return bad(a.name);
  p = a.next;
  a = pseudoAttribute(t, p, end);
  if (a.kind === 'bad') return bad(a.at);
  if (a.kind === 'none') return { ok: true, standalone: false };
  if (matchesAscii(t, a.name, a.nameEnd, 'encoding')) {
    if (!isLetter(asciiBefore(t, a.value, end))) return bad(a.value);
    p = a.next;
    a = pseudoAttribute(t, p, end);
    if (a.kind === 'bad') return bad(a.at);
    if (a.kind === 'none') return { ok: true, standalone: false };
  }
  if (!matchesAscii(t, a.name, a.nameEnd, 'standalone')) return bad(a.name);
  let standalone: boolean;
  if (matchesAscii(t, a.value, a.next - u, 'yes')) standalone = true;
  else if (matchesAscii(t, a.value, a.next - u, 'no')) standalone = false;
  else return bad(a.value);
  p = a.next;
  while (isSpace(asciiBefore(t, p, end))) p += u;
  if (p !== end) return bad(p);
  return { ok: true, standalone };
}
