// Python's ElementTree, driven as botocore drives it (XMLParser with a TreeBuilder target,
// encoding "utf-8", one feed() of the whole body, then close()), over a batch of bodies in one
// python3 process; and our reader's result in the same shape, to compare with it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseXml, XmlSyntaxError, type XmlElement } from '../../src/call/xml';

/** Debian's python3: the Python (and expat 2.5.0) AWS CLI 2.33.31 runs on. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const SCRIPT = `
import base64, json, sys
from xml.etree import ElementTree as ET
def tree(e):
    return {"tag": e.tag, "text": e.text, "children": [tree(c) for c in e]}
out = []
for body in json.load(sys.stdin):
    parser = ET.XMLParser(target=ET.TreeBuilder(), encoding="utf-8")
    try:
        parser.feed(base64.b64decode(body))
        out.append({"tree": tree(parser.close())})
    except ET.ParseError as e:
        out.append({"error": str(e)})
    except Exception as e:
        out.append({"exception": "%s: %s" % (type(e).__name__, e)})
json.dump(out, sys.stdout)
`;

interface Tree {
  tag: string;
  text: string | null;
  children: Tree[];
}

export type Outcome = { tree: Tree } | { error: string } | { exception: string };

export function expatOutcomes(bodies: readonly Uint8Array[]): Outcome[] {
  const input = JSON.stringify(bodies.map((b) => Buffer.from(b).toString('base64')));
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 28 }));
}

export function ourOutcome(body: Uint8Array): Outcome {
  const plain = (e: XmlElement): Tree => ({ tag: e.tag, text: e.text, children: e.children.map(plain) });
  try {
    return { tree: plain(parseXml(body)) };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { error: error.message };
    return { exception: String(error) };
  }
}

/** A body as Python writes bytes, short enough for a failure message. */
export function show(body: Uint8Array): string {
  const text = Array.from(body.subarray(0, 300), (b) =>
    b === 0x5c ? '\\\\' : b === 0x27 ? "\\'" : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`,
  ).join('');
  return `b'${text}'${body.length > 300 ? ` …(${body.length} bytes)` : ''}`;
}

const VERDICT_SCRIPT = `
import base64, json, sys
from xml.etree import ElementTree as ET
out = []
for body in json.load(sys.stdin):
    data = base64.b64decode(body)
    parser = ET.XMLParser(target=ET.TreeBuilder(), encoding="utf-8")
    try:
        parser.feed(data)
        parser.close()
        error = None
    except ET.ParseError as e:
        error = str(e)
    out.append({"error": error, "repr": repr(data)})
json.dump(out, sys.stdout)
`;

/** For each body: ElementTree's error message (null when it parses) and Python's repr() of the bytes. */
export function expatVerdicts(bodies: readonly Uint8Array[]): Array<{ error: string | null; repr: string }> {
  const input = JSON.stringify(bodies.map((b) => Buffer.from(b).toString('base64')));
  return JSON.parse(execFileSync(PYTHON, ['-c', VERDICT_SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 28 }));
}
