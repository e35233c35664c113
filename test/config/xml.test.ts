// The response XML reader against Python's ElementTree (expat), which botocore uses: for each
// document, either the same tree (tags with namespaces, text, children) or the same
// "reason: line, column" error.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parseXml, XmlSyntaxError, type XmlElement } from '../../src/call/xml';

const PYTHON = `
import json, sys
from xml.etree import ElementTree as ET
def tree(e):
    return {"tag": e.tag, "text": e.text, "children": [tree(c) for c in e]}
out = []
for doc in json.load(sys.stdin):
    parser = ET.XMLParser(target=ET.TreeBuilder(), encoding="utf-8")
    try:
        parser.feed(doc.encode("utf-8"))
        out.append({"ok": tree(parser.close())})
    except ET.ParseError as e:
        out.append({"error": str(e)})
print(json.dumps(out))
`;

const documents = [
  '<a/>',
  '<a>text</a>',
  '<a>one<b>two</b>three</a>',
  '<?xml version="1.0" encoding="UTF-8"?>\n<a><b>x</b></a>',
  '<a xmlns="urn:one"><b>x</b></a>',
  '<a xmlns:p="urn:p"><p:b/></a>',
  '<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</a>',
  '<a><![CDATA[<raw>]]></a>',
  '<!-- c --><a/><!-- d -->',
  '<a>\r\nline</a>',
  '',
  '   ',
  'text',
  '  text',
  '<a>',
  '<a><b>',
  '<a><b></a>',
  '<a>\n  <b></a>',
  '<a></a>junk',
  '<a></a><b/>',
  '<a>&nbsp;</a>',
  '<a>&#0;</a>',
  '<a>& b</a>',
  '<a>&b c;</a>',
  '<a>&</a>',
  '<a>&#x;</a>',
  '<a>&b',
  '<a>&#1a;</a>',
  '<a><?xml version="1.0"?></a>',
  '<a>\u00e9\u263a</a>',
  '<a',
  '<a><b',
  '<a b="1"',
  '<1a/>',
  '<a><1/></a>',
  '<x:a/>',
  '<a b="1" b="2"/>',
  '<a b=1/>',
  ' <?xml version="1.0"?><a/>',
  '<a/><?xml version="1.0"?>',
  '\u0001',
  '<a>\u0001</a>',
  '<a></b>',
  '<a>< </a>',
  '<html><body><br></body></html>',
  '<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors></Response>',
  // what expat's prolog makes of a first character that does not open the root
  ...['{"Credentials": {}}', '@x', '#x', '$x', ')x', '"x', '%x', '[x', '\u00e9x', '\u20acx', '1x', '-x', '|x', '~x', 'hello'],
];

// documents that are not UTF-8 (hex): expat stops at the first byte it cannot decode
const byteDocuments = ['3c613eff3c2f613e', '3c613ec3a9ff3c2f613e', '3c613ec33c2f613e', '3cff612f3e', '3c613e6f6b3c2f613eff', '3c6120783d22ff222f3e', '3c613eeda0803c2f613e'];

const PYTHON_BYTES = `
import json, sys
from xml.etree import ElementTree as ET
out = []
for doc in json.load(sys.stdin):
    try:
        ET.fromstring(bytes.fromhex(doc))
        out.append({"ok": True})
    except ET.ParseError as e:
        out.append({"error": str(e)})
print(json.dumps(out))
`;

function ours(doc: string): unknown {
  const plain = (e: XmlElement): unknown => ({ tag: e.tag, text: e.text, children: e.children.map(plain) });
  try {
    return { ok: plain(parseXml(Buffer.from(doc, 'utf8'))) };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { error: error.message };
    throw error;
  }
}

describe('bytes that are not UTF-8 fail where expat fails', () => {
  const python = JSON.parse(execFileSync('python3', ['-c', PYTHON_BYTES], { input: JSON.stringify(byteDocuments), encoding: 'utf8' })) as unknown[];
  byteDocuments.forEach((hex, index) => {
    test(hex, () => {
      let result: unknown;
      try {
        parseXml(Buffer.from(hex, 'hex'));
        result = { ok: true };
      } catch (error) {
        if (!(error instanceof XmlSyntaxError)) throw error;
        result = { error: error.message };
      }
      expect(result).toEqual(python[index]);
    });
  });
});

describe('response XML parsing matches ElementTree', () => {
  const python = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(documents), encoding: 'utf8' })) as unknown[];
  documents.forEach((doc, index) => {
    test(JSON.stringify(doc), () => {
      expect(ours(doc)).toEqual(python[index]);
    });
  });
});
