// Character classes of the XML reader, the way expat sees bytes: every byte (UTF-8) or 16-bit
// unit (UTF-16) has a "byte type" that the tokenizer switches on, and non-ASCII characters are
// name characters by XML 1.0's Appendix B classes (expat predates the 5th edition's wider rules).
// test/config/xml-chars.test.ts checks the name classes against Python's expat for the whole BMP.

// Byte types.
export const BT_NONXML = 0; // never allowed (C0 controls, U+FFFE/U+FFFF, bytes F5-FD)
export const BT_MALFORM = 1; // never part of UTF-8 (FE, FF)
export const BT_LT = 2;
export const BT_AMP = 3;
export const BT_RSQB = 4;
export const BT_LEAD2 = 5; // first byte of a 2-byte UTF-8 sequence
export const BT_LEAD3 = 6;
export const BT_LEAD4 = 7; // first byte of a 4-byte sequence, or a UTF-16 high surrogate
export const BT_TRAIL = 8; // continuation byte, or a UTF-16 low surrogate
export const BT_CR = 9;
export const BT_LF = 10;
export const BT_GT = 11;
export const BT_QUOT = 12;
export const BT_APOS = 13;
export const BT_EQUALS = 14;
export const BT_QUEST = 15;
export const BT_EXCL = 16;
export const BT_SOL = 17;
export const BT_SEMI = 18;
export const BT_NUM = 19;
export const BT_LSQB = 20;
export const BT_S = 21;
export const BT_NMSTRT = 22; // ASCII letters other than a-f, and '_'
export const BT_COLON = 23;
export const BT_HEX = 24; // a-f, A-F
export const BT_DIGIT = 25;
export const BT_NAME = 26; // '.' (and U+00B7 in UTF-16)
export const BT_MINUS = 27;
export const BT_OTHER = 28; // allowed, never part of a name
export const BT_NONASCII = 29; // UTF-16 only: look the character up in the name classes
export const BT_PERCNT = 30;
export const BT_LPAR = 31;
export const BT_RPAR = 32;
export const BT_AST = 33;
export const BT_PLUS = 34;
export const BT_COMMA = 35;
export const BT_VERBAR = 36;

/** Types of ASCII characters; `internal` is for entity text, where CR is plain white space. */
function asciiTypes(internal: boolean): Uint8Array {
  const t = new Uint8Array(128).fill(BT_OTHER);
  t.fill(BT_NONXML, 0, 0x20);
  t[0x09] = BT_S;
  t[0x0a] = BT_LF;
  t[0x0d] = internal ? BT_S : BT_CR;
  t[0x20] = BT_S;
  const set = (chars: string, type: number) => {
    for (const c of chars) t[c.charCodeAt(0)] = type;
  };
  set('GHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz_', BT_NMSTRT);
  set('ABCDEFabcdef', BT_HEX);
  set('0123456789', BT_DIGIT);
  set('.', BT_NAME);
  set('-', BT_MINUS);
  set(':', BT_COLON);
  set('<', BT_LT);
  set('&', BT_AMP);
  set(']', BT_RSQB);
  set('>', BT_GT);
  set('"', BT_QUOT);
  set("'", BT_APOS);
  set('=', BT_EQUALS);
  set('?', BT_QUEST);
  set('!', BT_EXCL);
  set('/', BT_SOL);
  set(';', BT_SEMI);
  set('#', BT_NUM);
  set('[', BT_LSQB);
  set('%', BT_PERCNT);
  set('(', BT_LPAR);
  set(')', BT_RPAR);
  set('*', BT_AST);
  set('+', BT_PLUS);
  set(',', BT_COMMA);
  set('|', BT_VERBAR);
  return t;
}

/** Types of the bytes 80-FF in UTF-8. */
function utf8HighTypes(t: Uint8Array): void {
  t.fill(BT_TRAIL, 0x80, 0xc0);
  t.fill(BT_LEAD2, 0xc0, 0xe0);
  t.fill(BT_LEAD3, 0xe0, 0xf0);
  t.fill(BT_LEAD4, 0xf0, 0xf5);
  t.fill(BT_NONXML, 0xf5, 0xfe);
  t.fill(BT_MALFORM, 0xfe, 0x100);
}

/** Types of U+0080-U+00FF in UTF-16 (expat's Latin-1 table, which is not quite Appendix B). */
function latin1HighTypes(t: Uint8Array): void {
  t.fill(BT_OTHER, 0x80, 0x100);
  for (const c of [0xaa, 0xb5, 0xba]) t[c] = BT_NMSTRT;
  t[0xb7] = BT_NAME;
  t.fill(BT_NMSTRT, 0xc0, 0x100);
  t[0xd7] = BT_OTHER;
  t[0xf7] = BT_OTHER;
}

function table(internal: boolean, high: (t: Uint8Array) => void): Uint8Array {
  const t = new Uint8Array(256);
  t.set(asciiTypes(internal));
  high(t);
  return t;
}

export const UTF8_TYPES = table(false, utf8HighTypes);
export const INTERNAL_UTF8_TYPES = table(true, utf8HighTypes);
export const UTF16_LOW_TYPES = table(false, latin1HighTypes);

// Non-ASCII name characters of the BMP, as hexadecimal ranges: XML 1.0 Appendix B's Letter
// (BaseChar | Ideographic) may start a name; Digit, CombiningChar and Extender may follow.
const NAME_START_RANGES =
  'c0-d6 d8-f6 f8-131 134-13e 141-148 14a-17e 180-1c3 1cd-1f0 1f4-1f5 1fa-217 250-2a8 2bb-2c1 386 388-38a 38c ' +
  '38e-3a1 3a3-3ce 3d0-3d6 3da 3dc 3de 3e0 3e2-3f3 401-40c 40e-44f 451-45c 45e-481 490-4c4 4c7-4c8 4cb-4cc ' +
  '4d0-4eb 4ee-4f5 4f8-4f9 531-556 559 561-586 5d0-5ea 5f0-5f2 621-63a 641-64a 671-6b7 6ba-6be 6c0-6ce 6d0-6d3 ' +
  '6d5 6e5-6e6 905-939 93d 958-961 985-98c 98f-990 993-9a8 9aa-9b0 9b2 9b6-9b9 9dc-9dd 9df-9e1 9f0-9f1 a05-a0a ' +
  'a0f-a10 a13-a28 a2a-a30 a32-a33 a35-a36 a38-a39 a59-a5c a5e a72-a74 a85-a8b a8d a8f-a91 a93-aa8 aaa-ab0 ' +
  'ab2-ab3 ab5-ab9 abd ae0 b05-b0c b0f-b10 b13-b28 b2a-b30 b32-b33 b36-b39 b3d b5c-b5d b5f-b61 b85-b8a b8e-b90 ' +
  'b92-b95 b99-b9a b9c b9e-b9f ba3-ba4 ba8-baa bae-bb5 bb7-bb9 c05-c0c c0e-c10 c12-c28 c2a-c33 c35-c39 c60-c61 ' +
  'c85-c8c c8e-c90 c92-ca8 caa-cb3 cb5-cb9 cde ce0-ce1 d05-d0c d0e-d10 d12-d28 d2a-d39 d60-d61 e01-e2e e30 ' +
  'e32-e33 e40-e45 e81-e82 e84 e87-e88 e8a e8d e94-e97 e99-e9f ea1-ea3 ea5 ea7 eaa-eab ead-eae eb0 eb2-eb3 ebd ' +
  'ec0-ec4 f40-f47 f49-f69 10a0-10c5 10d0-10f6 1100 1102-1103 1105-1107 1109 110b-110c 110e-1112 113c 113e 1140 ' +
  '114c 114e 1150 1154-1155 1159 115f-1161 1163 1165 1167 1169 116d-116e 1172-1173 1175 119e 11a8 11ab 11ae-11af ' +
  '11b7-11b8 11ba 11bc-11c2 11eb 11f0 11f9 1e00-1e9b 1ea0-1ef9 1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 ' +
  '1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb 1fe0-1fec 1ff2-1ff4 ' +
  '1ff6-1ffc 2126 212a-212b 212e 2180-2182 3007 3021-3029 3041-3094 30a1-30fa 3105-312c 4e00-9fa5 ac00-d7a3';
const NAME_MORE_RANGES =
  'b7 2d0-2d1 300-345 360-361 387 483-486 591-5a1 5a3-5b9 5bb-5bd 5bf 5c1-5c2 5c4 640 64b-652 660-669 670 ' +
  '6d6-6e4 6e7-6e8 6ea-6ed 6f0-6f9 901-903 93c 93e-94d 951-954 962-963 966-96f 981-983 9bc 9be-9c4 9c7-9c8 ' +
  '9cb-9cd 9d7 9e2-9e3 9e6-9ef a02 a3c a3e-a42 a47-a48 a4b-a4d a66-a71 a81-a83 abc abe-ac5 ac7-ac9 acb-acd ' +
  'ae6-aef b01-b03 b3c b3e-b43 b47-b48 b4b-b4d b56-b57 b66-b6f b82-b83 bbe-bc2 bc6-bc8 bca-bcd bd7 be7-bef ' +
  'c01-c03 c3e-c44 c46-c48 c4a-c4d c55-c56 c66-c6f c82-c83 cbe-cc4 cc6-cc8 cca-ccd cd5-cd6 ce6-cef d02-d03 ' +
  'd3e-d43 d46-d48 d4a-d4d d57 d66-d6f e31 e34-e3a e46-e4e e50-e59 eb1 eb4-eb9 ebb-ebc ec6 ec8-ecd ed0-ed9 ' +
  'f18-f19 f20-f29 f35 f37 f39 f3e-f3f f71-f84 f86-f8b f90-f95 f97 f99-fad fb1-fb7 fb9 20d0-20dc 20e1 3005 ' +
  '302a-302f 3031-3035 3099-309a 309d-309e 30fc-30fe';

/** One flag per BMP character: 1 = may start a name, 2 = may continue one. */
const NAME_CLASS = new Uint8Array(0x10000);
for (const [ranges, flags] of [[NAME_START_RANGES, 3], [NAME_MORE_RANGES, 2]] as const) {
  for (const range of ranges.split(' ')) {
    const [from, to = from] = range.split('-').map((h) => parseInt(h, 16)) as [number, number?];
    NAME_CLASS.fill(flags, from, to + 1);
  }
}

export function isNameStartChar(codePoint: number): boolean {
  return codePoint < 0x10000 && (NAME_CLASS[codePoint]! & 1) !== 0;
}

export function isNameChar(codePoint: number): boolean {
  return codePoint < 0x10000 && (NAME_CLASS[codePoint]! & 2) !== 0;
}
