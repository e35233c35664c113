// The response XML reader against Python's ElementTree (expat), which botocore uses: for each
// document, either the same tree (tags with namespaces, text, children) or the same
// "reason: line, column" error. One named example per kind of outcome; each must really be of
// its kind in Python, so that the list keeps covering every error expat can report.
import { describe, expect, test } from 'vitest';
import { expatOutcomes, ourOutcome } from './expat-oracle';
import { BILLION_LAUGHS } from './xml-documents';

const b = (text: string) => Buffer.from(text, 'utf8');
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16beNoBom = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.from(le.map((_, i) => le[i ^ 1]!));
};

/** [kind, body]: kind is "tree" or the start of Python's message. */
const examples: Array<[string, Buffer]> = [
  ['tree', b('<a/>')],
  ['tree', b('<a>text</a>')],
  ['tree', b('<a>one<b>two</b>three</a>')],
  ['tree', b('<?xml version="1.0" encoding="UTF-8"?>\n<a><b>x</b></a>')],
  ['tree', b('<a xmlns="urn:one"><b>x</b></a>')],
  ['tree', b('<a xmlns:p="urn:p"><p:b/><xml:c/></a>')],
  ['tree', b('<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</a>')],
  ['tree', b('<a><![CDATA[<raw>]]></a>')],
  ['tree', b('<!-- c --><a/><!-- d -->')],
  ['tree', b('<a>\r\nline\rx</a>')],
  ['tree', b('<a>\u00e9\u263a\ufeff</a>')],
  ['tree', b('<html><body><br/></body></html>')],
  ['tree', b('<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors></Response>')],
  ['tree', b('<!DOCTYPE a [<!ENTITY e "x<b>y</b>"><!ATTLIST a xmlns CDATA "urn:d">]><a>&e;</a>')],
  ['tree', b('\ufeff<a/>')],
  ['tree', utf16le('<a>\u00e9\u4e2d</a>')],
  ['tree', utf16beNoBom('<a>x</a>')],
  ['tree', b('<?xml version="1.0" encoding="UTF-16"?><a/>')],
  ['not well-formed (invalid token)', b('{"Errors": [{"Code": "x"}]}')],
  ['not well-formed (invalid token)', b('<a>\u0001</a>')],
  ['not well-formed (invalid token)', b('<1a/>')],
  ['not well-formed (invalid token)', b('<a>< </a>')],
  ['not well-formed (invalid token)', b('<a>]]></a>')],
  ['not well-formed (invalid token)', latin1('<a>\xff</a>')],
  ['not well-formed (invalid token)', latin1('<a>\xed\xa0\x80</a>')],
  ['not well-formed (invalid token)', latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>caf\xe9</a>')],
  ['syntax error', b('text')],
  ['syntax error', b('  text')],
  ['syntax error', b('<!DOCTYPE a [<!ELEMENT a (b, c | d)>]><a/>')],
  ['syntax error', b('<a xmlns:p="urn:}"/>')],
  ['unclosed token', b('<a')],
  ['unclosed token', b('<a><b')],
  ['unclosed token', b('<a b="1"')],
  ['unclosed token', b('<a>&b')],
  ['unclosed token', latin1('\x00')],
  ['partial character', latin1('<a>\xc3')],
  ['partial character', Buffer.concat([utf16le('<a>'), Buffer.from([0x3d, 0xd8])])],
  ['mismatched tag', b('<a><b></a>')],
  ['mismatched tag', b('<a>\n  <b></a>')],
  ['junk after document element', b('<a></a>junk')],
  ['junk after document element', b('<a></a><b/>')],
  ['junk after document element', b('<a/><?xml version="1.0"?>')],
  ['no element found', b('')],
  ['no element found', b('   ')],
  ['no element found', b('<a>')],
  ['no element found', b('<a>]]')],
  ['no element found', latin1('\xef\xbb\xbf')],
  ['undefined entity:', b('<a>&nbsp;</a>')],
  ['undefined entity:', b('<a b="&nbsp;"/>')],
  ['undefined entity &', b('<!DOCTYPE a SYSTEM "x"><a>&foo;</a>')],
  ['undefined entity &', b('<!DOCTYPE a [<!ENTITY e SYSTEM "x">]><a>&e;</a>')],
  ['undefined entity &', b(`<!DOCTYPE a SYSTEM "x"><a>&${'n'.repeat(120)};</a>`)],
  ['undefined entity &', b(`<!DOCTYPE a SYSTEM "x"><a>&${'n'.repeat(97)}\u00e9;</a>`)],
  ['undefined entity &', b('<!DOCTYPE a SYSTEM "x"><a>&foo;</b>')],
  ['duplicate attribute', b('<a b="1" b="2"/>')],
  ['duplicate attribute', b('<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>')],
  ['unclosed CDATA section', b('<a><![CDATA[x')],
  ['XML or text declaration not at start of entity', b(' <?xml version="1.0"?><a/>')],
  ['XML or text declaration not at start of entity', b('<a><?xml version="1.0"?></a>')],
  ['unbound prefix', b('<x:a/>')],
  ['unbound prefix', b('<a x:b="1"/>')],
  ['reference to invalid character number', b('<a>&#0;</a>')],
  ['reference to invalid character number', b('<a b="&#xD800;"/>')],
  ['XML declaration not well-formed', b('<?xml ?><a/>')],
  ['XML declaration not well-formed', b('<?xml version="1.0" encoding="1"?><a/>')],
  ['XML declaration not well-formed', b('<?xml version="1.0" standalone="maybe"?><a/>')],
  ['illegal character(s) in public id', b('<!DOCTYPE a PUBLIC "a\tb" "x"><a/>')],
  ['illegal parameter entity reference', b('<!DOCTYPE a [<!ENTITY e "%p;">]><a/>')],
  ['illegal parameter entity reference', b('<!DOCTYPE a [<!ENTITY e %p;>]><a/>')],
  ['recursive entity reference', b('<!DOCTYPE a [<!ENTITY e "&f;"><!ENTITY f "&e;">]><a>&e;</a>')],
  ['asynchronous entity', b('<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</b></a>')],
  ['reference to binary entity', b('<!DOCTYPE a [<!ENTITY e SYSTEM "x" NDATA n>]><a>&e;</a>')],
  ['reference to external entity in attribute', b('<!DOCTYPE a [<!ENTITY e SYSTEM "x">]><a b="&e;"/>')],
  ['must not undeclare prefix', b('<a xmlns:p=""/>')],
  ['reserved prefix (xml) must not be undeclared or bound to another namespace name', b('<a xmlns:xml="urn:x"/>')],
  ['reserved prefix (xmlns) must not be declared or undeclared', b('<a xmlns:xmlns="urn:x"/>')],
  ['prefix must not be bound to one of the reserved namespace names', b('<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>')],
  ['limit on input amplification factor (from DTD and entities) breached', b(BILLION_LAUGHS)],
];

describe('response XML parsing matches ElementTree', () => {
  const python = expatOutcomes(examples.map(([, body]) => body));
  examples.forEach(([kind, body], index) => {
    test(`${kind}: ${JSON.stringify(body.toString('latin1').slice(0, 80))}`, () => {
      const expected = python[index]!;
      // the example is of the kind it claims (a guard on this list, not on the reader)
      expect(kind === 'tree' ? 'tree' in expected : 'error' in expected && expected.error.startsWith(kind)).toBe(true);
      expect(ourOutcome(body)).toEqual(expected);
    });
  });
});
