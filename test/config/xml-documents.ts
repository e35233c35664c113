// Generated XML bodies for the differential test of the response reader against Python's expat:
// well-formed seeds (EC2 answers, DTDs, entities, namespaces, CDATA, UTF-16), templates that
// aim at one expat error each, and seeded mutations of both (cut short, bytes inserted, deleted,
// repeated, replaced). Deterministic for a seed.

/** A small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const EC2 = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const SUCCESS = `<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="${EC2}">\n    <requestId>1a2b3c4d-0000-4000-8000-000000000001</requestId>\n    <success>true</success>\n</ReleaseIpamPoolAllocationResponse>`;
const ERROR = '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidIpamPoolId.NotFound</Code><Message>The pool ID \'ipam-pool-1\' does not exist</Message></Error></Errors><RequestID>1a2b3c4d</RequestID></Response>';

/** Well-formed documents the mutations start from. */
export const SEEDS: readonly string[] = [
  SUCCESS,
  ERROR,
  '<a/>',
  '<a>text</a>',
  '<a>one<b>two</b>three<c/></a>',
  '<?xml version="1.0"?><a b="1" c=\'2\'>x</a>',
  '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<a>\r\n</a>\r\n',
  '<a xmlns="urn:one" xmlns:p="urn:p"><p:b p:c="1"/><d xmlns=""/></a>',
  '<xml:a xml:lang="en"/>',
  '<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x10000;</a>',
  '<a><![CDATA[<raw> & ]] ]]]></a>',
  '<!-- c --><?pi data?><a/><!-- d --><?e?>',
  '<!DOCTYPE a><a/>',
  '<!DOCTYPE a SYSTEM "a.dtd"><a/>',
  '<!DOCTYPE a PUBLIC "-//A//B" "a.dtd"><a/>',
  '<!DOCTYPE a [<!ENTITY e "x<b>y</b>z"><!ENTITY f "&e;&e;">]><a>&f;</a>',
  '<!DOCTYPE a [<!ENTITY e "v"><!ATTLIST a b CDATA "&e;" c NMTOKEN #IMPLIED d (x|y) "x">]><a c=" 1  2 "/>',
  '<!DOCTYPE a [<!ELEMENT a (b, (c | d)*, e?)+><!ELEMENT b EMPTY><!ELEMENT c ANY><!ELEMENT d (#PCDATA | b)*>]><a/>',
  '<!DOCTYPE a [<!NOTATION n PUBLIC "p"><!NOTATION m SYSTEM "s"><!ENTITY u SYSTEM "u" NDATA n>]><a/>',
  '<!DOCTYPE a [<!ENTITY % p "x"> %p; <!ENTITY e "y">]><a>&e;</a>',
  '<!DOCTYPE a [<!ATTLIST a xmlns CDATA "urn:d" xmlns:q CDATA "urn:q" q:z CDATA "1">]><a><q:b/></a>',
  '<a>\u00e9\u263a\ud83d\ude00</a>',
  '<\u00e9l\u00e8ve n\u00b7m="1"/>',
  '<a>\n  <b>\n    <c>deep</c>\n  </b>\n</a>',
];

/** Entity expansion past expat's amplification limit: once, it costs a tenth of a second. */
export const BILLION_LAUGHS =
  '<!DOCTYPE a [<!ENTITY a "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY b "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' +
  '<!ENTITY c "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY d "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY e "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">' +
  '<!ENTITY f "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY g "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx">]><a>&a;</a>';

/** Documents aimed at one expat error (or ElementTree's own) each; {x} parts vary. */
const TEMPLATES: ReadonlyArray<(rng: Rng) => string> = [
  () => '{"Errors":[{"Code":"x"}]}',
  () => '<html><body>Service Unavailable</body></html>',
  () => '<html><body><br></body></html>',
  (r) => `<a><b>${pick(r, ['', 'x', ' '])}</${pick(r, ['a', 'c', 'bb', 'B'])}></a>`,
  (r) => `<a x="1" ${pick(r, ['x', 'y'])}="2"/>`,
  (r) => `<a>&${pick(r, ['nbsp', 'x', 'copy', 'a:b'])};</a>`,
  (r) => `<a>&#${pick(r, ['0', '1', 'x0', 'xD800', 'xFFFE', '1114112', 'x110000', '9', '32', 'xffff', '99999999999'])};</a>`,
  (r) => `<${pick(r, ['p:a', 'a'])} ${pick(r, ['q:b="1"', 'b="1"', 'xmlns:p="u"'])}/>`,
  (r) => `<a xmlns:${pick(r, ['xml', 'xmlns', 'p'])}="${pick(r, ['', 'urn:x', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/', 'a}b'])}"/>`,
  (r) => `<a xmlns="${pick(r, ['', 'urn:x', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/', 'x}'])}"><b/></a>`,
  (r) => `<a/>${pick(r, ['<b/>', 'x', '&amp;', '<?xml version="1.0"?>', ']]>', '<!DOCTYPE a>', '\r', ' \n', '<!-- c -->'])}`,
  (r) => `<a>${pick(r, ['<![CDATA[', '<![CDATA[x]', '<![CDATA[x]]', '<![CDATA[\u00e9', '<![CDAT'])}`,
  (r) => `${pick(r, [' ', '\n', '<!-- c -->', '<a>'])}<?xml version="1.0"?><a/>`,
  (r) => `<?xml${pick(r, ['', ' ', ' version="1.0"', ' version=1.0', ' encoding="utf-8"', ' version="1.0" standalone="yes" encoding="x"', ' version="1.0" encoding="9"', ' version="1.0" encoding=""', ' version="1.0"encoding="x"', ' version="1.0" junk', ' version ="1.0" ', ' version="1!"', ' version="1.0" standalone="no" ', " version='1.0' encoding='latin1'"])}?><a/>`,
  (r) => `<?XML version="1.0"?><a/>${pick(r, ['', '<?Xml?>'])}`,
  (r) => `<!DOCTYPE a PUBLIC "${pick(r, ['ok', 'a\tb', 'a{b', 'caf\u00e9', "it's", '$@'])}" "s"><a/>`,
  (r) => `<!DOCTYPE a [${pick(r, ['%p;', '<!ENTITY e "%p;">', '<!ENTITY e "&#0;">', '<!ENTITY e "&">', '<!ENTITY e "% p">', '<!ENTITY % p "x">%p;<!ENTITY e "&#0;">', '<!ELEMENT a (b|c,d)>', '<!ELEMENT a (b,c|d)>', '<![INCLUDE[]]>', '<!FOO>', '<!ENTITY e>', '<!ATTLIST a b CDATA "&u;">', '<!ATTLIST a b CDATA "<">', '<?xml version="1.0"?>'])}]><a/>`,
  (r) => `<!DOCTYPE a [<!ENTITY e ${pick(r, ['"<b>"', '"</a>"', '"&e;"', '"x"', 'SYSTEM "x"', 'SYSTEM "x" NDATA n', '"<b/>&f;"', '"&#60;b>"', '"a&#38;b"', '"]]>"'])}><!ENTITY f "&e;">]><a ${pick(r, ['', 'b="&e;"', 'b="&f;"'])}>${pick(r, ['&e;', '&f;', '', '&g;'])}</a>`,
  (r) => `${pick(r, ['<!DOCTYPE a SYSTEM "x">', '<!DOCTYPE a [%p;]>', '<?xml version="1.0" standalone="yes"?><!DOCTYPE a SYSTEM "x">'])}<a b="${pick(r, ['', '&u;'])}">${pick(r, ['&u;', '&u;</b>', '&u;&#0;', 'x'])}</a>`,
  (r) => `<!DOCTYPE a [<!ENTITY e "${pick(r, ['<b>', '</a>', '<b>x</c>', 'x]', '<b/>', '<![CDATA[x', '<?pi?>', '&#38;#0;'])}">]><a>${pick(r, ['&e;', '<c>&e;</c>', 'x&e;y'])}</a>`,
  (r) => `<!DOCTYPE a [<!ATTLIST a ${pick(r, ['xmlns CDATA "urn:d"', 'xmlns NMTOKEN #IMPLIED', 'xmlns:p CDATA ""', 'xmlns:xml CDATA "x"', 'p:q CDATA "1"', 'xmlns:p CDATA "u" p:x CDATA "1" p:y CDATA "2"'])}>]><a ${pick(r, ['', 'xmlns=" urn:x  y "', 'xmlns="urn:&#x7D;"', 'xmlns:p="urn:p"', 'p:x="1"'])}><b/></a>`,
  (r) => `<a ${pick(r, ['xmlns="a\nb"', 'xmlns:p="a&#10;b"', 'xmlns="&lt;"', 'b="\r\n"', 'xmlns="&#x20;"'])}><p:c/></a>`,
  (r) => `<!DOCTYPE a SYSTEM "x"><a>&${'n'.repeat(pick(r, [1, 95, 96, 97, 98, 120]))}${pick(r, ['', '\u00e9', '\u4e2d'])};</a>`,
  (r) => `<a>${'<b>'.repeat(1 + int(r, 200))}`,  (r) => `<a>${'<b>'.repeat(1 + int(r, 200))}`,
  (r) => `<a${pick(r, [' ', ' b', ' b=', ' b="', ' b="1', ' b="1"', ' b="1"/', '/', ' b="<"', " b='&'", ' b="&#;"', ' 1="x"', ' b:c:d="1"', ' :b="1"'])}`,
  (r) => `<${pick(r, ['1a', '-a', '.a', ':a', 'a:', 'a:1', 'a::b', '\u00b7a', '\u0300', 'a\u0300'])}/>`,
  (r) => `<a>${pick(r, [']]>', ']]', ']', 'x]]>y'])}</a>`,
  (r) => `<a><?${pick(r, ['', ' ', 'xml', 'xml ', 'XmL', 'x:y', 'p', 'p?'])}?></a>`,
  (r) => `<a><!${pick(r, ['-', '--', '-- x', '-- -- --', '-x-', '[', 'DOCTYPE a'])}></a>`,
];

/** Raw byte bodies: encodings, byte order marks, binary. */
const BYTE_TEMPLATES: ReadonlyArray<(rng: Rng) => Buffer> = [
  (r) => Buffer.from([int(r, 256)]),
  (r) => Buffer.from([int(r, 256), int(r, 256)]),
  (r) => Buffer.from(Array.from({ length: 1 + int(r, 40) }, () => int(r, 256))),
  (r) => Buffer.concat([utf8('<a>'), Buffer.from([pick(r, [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xfe, 0xff])]), utf8(pick(r, ['', '</a>', '\u00a9</a>']))]),
  (r) => Buffer.concat([utf8('<a>'), Buffer.from(pick(r, [[0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbf, 0xbe], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]))]),
  (r) => Buffer.concat([Buffer.from(pick(r, [[0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xfe, 0xff], [0xff, 0xfe], [0xef]])), utf8(pick(r, ['', '<a/>', ' <a/>', '<?xml version="1.0"?><a/>', 'x']))]),
  (r) => Buffer.concat([pick(r, [Buffer.from([0xfe, 0xff]), Buffer.from([0xff, 0xfe]), Buffer.alloc(0)]), utf16(pick(r, ['<a>x</a>', '<a/>', '<a>\u00e9\u4e2d</a>', '<\u4e2d/>', '<a>\ud83d\ude00</a>', '<a b="1" b="2"/>', '<a></b>', '<?xml version="1.0" encoding="UTF-16"?><a/>', 'x']), r() < 0.5)]),
  (r) => Buffer.concat([utf16('<a>', r() < 0.5), Buffer.from(pick(r, [[0xd8], [0xd8, 0x3d], [0xd8, 0x3d, 0x00], [0xdc, 0x00], [0x3c]]))]),
  (r) => Buffer.from(`<?xml version="1.0" encoding="${pick(r, ['ISO-8859-1', 'latin-1', 'UTF-16', 'EBCDIC', 'utf-8'])}"?><a>caf\xe9</a>`, 'latin1'),
  () => Buffer.from([0x00, 0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e]),
];

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? Buffer.from(le.map((_, i) => le[i ^ 1]!)) : le;
}

/** Bytes that tend to matter to a tokenizer. */
const INTERESTING = [
  '<', '>', '&', ';', '#', 'x', '"', "'", '=', '/', '!', '?', '[', ']', '-', '%', ':', ' ', '\n', '\r', '\t',
  'a', '1', '.', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#', '</', '/>', '<?', '?>', 'xmlns', 'xmlns:p', 'p:',
  '\u00e9', '\u00b7', '\u0300', '\ufeff', '\uffff', '\u0001', '\u0000', '\u4e2d', '\ud83d\ude00',
].map(utf8);
const RAW_BYTES = [0x80, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf8, 0xfe, 0xff, 0x00, 0x0b];

export function mutate(rng: Rng, doc: Buffer): Buffer {
  const at = () => int(rng, doc.length + 1);
  switch (int(rng, 6)) {
    case 0: // cut short
      return doc.subarray(0, at());
    case 1: {
      // insert something
      const p = at();
      const piece = rng() < 0.8 ? pick(rng, INTERESTING) : Buffer.from([pick(rng, RAW_BYTES)]);
      return Buffer.concat([doc.subarray(0, p), piece, doc.subarray(p)]);
    }
    case 2: {
      // delete a range
      const p = at();
      return Buffer.concat([doc.subarray(0, p), doc.subarray(Math.min(doc.length, p + 1 + int(rng, 8)))]);
    }
    case 3: {
      // repeat a range
      const p = at();
      const q = Math.min(doc.length, p + 1 + int(rng, 12));
      return Buffer.concat([doc.subarray(0, q), doc.subarray(p, q), doc.subarray(q)]);
    }
    case 4: {
      // replace a byte
      if (doc.length === 0) return doc;
      const copy = Buffer.from(doc);
      copy[int(rng, doc.length)] = rng() < 0.5 ? pick(rng, RAW_BYTES) : pick(rng, INTERESTING)[0]!;
      return copy;
    }
    default: {
      // swap two ranges' order (moves a tag)
      const p = at();
      const q = at();
      const [from, to] = p < q ? [p, q] : [q, p];
      const mid = from + int(rng, to - from + 1);
      return Buffer.concat([doc.subarray(0, from), doc.subarray(mid, to), doc.subarray(from, mid), doc.subarray(to)]);
    }
  }
}

/** count documents for a seed: a mix of seeds, templates, byte templates and their mutations. */
export function generateDocuments(seed: number, count: number): Buffer[] {
  const rng = random(seed);
  const out: Buffer[] = [...SEEDS.map(utf8), utf8(BILLION_LAUGHS), utf8(BILLION_LAUGHS.replace('<a>&a;</a>', '<a b="&a;"/>'))];
  while (out.length < count) {
    const kind = rng();
    let doc: Buffer;
    if (kind < 0.25) doc = utf8(pick(rng, TEMPLATES)(rng));
    else if (kind < 0.35) doc = pick(rng, BYTE_TEMPLATES)(rng);
    else if (kind < 0.7) doc = utf8(pick(rng, SEEDS));
    else doc = rng() < 0.5 ? utf8(pick(rng, TEMPLATES)(rng)) : pick(rng, BYTE_TEMPLATES)(rng);
    // most documents get one to three mutations; a quarter stay as generated
    for (let n = rng() < 0.25 ? 0 : 1 + int(rng, 3); n > 0; n--) doc = mutate(rng, doc);
    out.push(doc);
  }
  return out;
}

/**
 * Documents of the kind the simple reader takes (src/call/xml-simple.ts) and near misses: ASCII
 * elements, default namespaces, text, declarations — then, for most, one or two mutations.
 */
export function generateSimpleDocuments(seed: number, count: number): Buffer[] {
  const rng = random(seed);
  // mostly what the simple reader takes, sometimes what it must leave to the full reader
  const either = (good: readonly string[], odd: readonly string[]) => (rng() < 0.9 ? pick(rng, good) : pick(rng, odd));
  const name = () => either(['a', 'B', '_c', 'requestId', 'success', 'd.e-f9', 'item'], ['xmlx', 'Xml', 'a:b', '\u00e9', '1a']);
  const namespace = () => either([EC2, 'urn:x', 'https://sts.amazonaws.com/doc/2011-06-15/'], ['http://www.w3.org/XML/1998/namespace', '', 'a b', 'x&amp;y']);
  const text = () => either(['true', '', ' ', '\n    ', 'a b\tc', '1a2b-3c', 'x]]y', 'tail'], [']]>', 'a&amp;b', 'a\r\nb', '\u00e9', '\u0001', '>']);
  const declaration = () =>
    either(['', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-8"?>'], ['<?xml version="1.1"?>', ' <?xml version="1.0"?>', '\ufeff', '<?xml version="1.0" encoding="ascii"?>']);
  const element = (depth: number): string => {
    const tag = name();
    const ns = rng() < 0.3 ? ` xmlns="${namespace()}"` : '';
    if (rng() < 0.15) return `<${tag}${ns}/>`;
    let inner = rng() < 0.6 ? text() : '';
    if (depth < 3) for (let n = int(rng, 3); n > 0; n--) inner += element(depth + 1) + (rng() < 0.3 ? text() : '');
    return `<${tag}${ns}>${inner}</${tag}>`;
  };
  const out: Buffer[] = [];
  while (out.length < count) {
    let doc: Buffer = utf8(declaration() + element(0) + (rng() < 0.2 ? pick(rng, ['\n', ' \t', '<a/>', 'x', '<!-- c -->']) : ''));
    for (let n = rng() < 0.5 ? 0 : 1 + int(rng, 2); n > 0; n--) doc = mutate(rng, doc);
    out.push(doc);
  }
  return out;
}
