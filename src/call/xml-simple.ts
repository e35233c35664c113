// The common answer, read without the full XML reader: an EC2 or STS answer is ASCII elements with
// text, a default namespace and perhaps an XML declaration. For a document made only of those
// pieces, expat and ElementTree build a tree this reader can build in a few lines; for anything
// else (entities, attributes other than xmlns, prefixes, comments, CDATA, DOCTYPE, non-ASCII or
// control bytes, CR, a byte order mark, a document that is not well-formed) it answers undefined
// and the full reader (xml.ts, ~90 KB, loaded then) decides — error messages and positions
// included. Checked against Python's ElementTree on generated documents (test/config/xml-expat.test.ts).
import type { XmlElement } from './xml';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;

/** Declarations taken as written; any other form (or none) is the full reader's. */
const DECLARATIONS = ['<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?>'];

/** Namespace names expat refuses as a default namespace. */
const RESERVED_NAMESPACES = new Set(['http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a;
const isNameStart = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
const isNameChar = (b: number) => isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2e || b === 0x2d;
/** Text bytes: printable ASCII but markup (<, &, > — the last keeps `]]>` out), tab and LF. */
const isTextByte = (b: number) => (b >= 0x20 && b <= 0x7e && b !== LT && b !== 0x26 && b !== GT) || b === 0x09 || b === 0x0a;
/** Namespace name bytes: URI characters that need no normalising or escaping. */
const isNamespaceByte = (b: number) => isNameChar(b) || b === 0x3a || b === SLASH;

/** The tree expat and ElementTree would build, or undefined when the document is not of the simple kind. */
export function readSimpleXml(bytes: Uint8Array): XmlElement | undefined {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (from: number, to: number) => latin1.toString('latin1', from, to);
  let at = 0;
  for (const declaration of DECLARATIONS) {
    if (bytes.length >= declaration.length && text(0, declaration.length) === declaration) {
      at = declaration.length;
      break;
    }
  }
  const skipSpace = () => {
    while (at < bytes.length && isSpace(bytes[at]!)) at++;
  };
  const name = (): string | undefined => {
    const start = at;
    if (at >= bytes.length || !isNameStart(bytes[at]!)) return undefined;
    while (at < bytes.length && isNameChar(bytes[at]!)) at++;
    const found = text(start, at);
    // names beginning with "xml" are reserved; leave them to the full reader
    return /^xml/i.test(found) ? undefined : found;
  };

  skipSpace();
  let root: XmlElement | undefined;
  /** Open elements: the element, its name as written, the default namespace in its scope. */
  const open: Array<{ element: XmlElement; written: string; namespace: string | undefined }> = [];
  while (at < bytes.length) {
    const b = bytes[at]!;
    if (b !== LT) {
      const current = open.at(-1);
      if (!current) return undefined;
      const start = at;
      while (at < bytes.length && isTextByte(bytes[at]!)) at++;
      if (at === bytes.length || bytes[at] !== LT) return undefined;
      // text after a child is that child's tail, which the tree keeps no place for
      if (current.element.children.length === 0) current.element.text = (current.element.text ?? '') + text(start, at);
      continue;
    }
    at++;
    if (bytes[at] === SLASH) {
      at++;
      const closing = name();
      const current = open.pop();
      if (closing === undefined || !current || closing !== current.written || bytes[at] !== GT) return undefined;
      at++;
      if (open.length === 0) break;
      continue;
    }
    if (root && open.length === 0) return undefined;
    const written = name();
    if (written === undefined) return undefined;
    let namespace = open.at(-1)?.namespace;
    if (bytes[at] === 0x20) {
      at++;
      if (text(at, at + 7) !== 'xmlns="') return undefined;
      at += 7;
      const start = at;
      while (at < bytes.length && isNamespaceByte(bytes[at]!)) at++;
      if (at === start || bytes[at] !== QUOTE) return undefined;
      namespace = text(start, at);
      if (RESERVED_NAMESPACES.has(namespace)) return undefined;
      at++;
    }
    const selfClosing = bytes[at] === SLASH;
    if (selfClosing) at++;
    if (bytes[at] !== GT) return undefined;
    at++;
    const element: XmlElement = { tag: namespace === undefined ? written : `{${namespace}}${written}`, text: null, children: [] };
    const parent = open.at(-1);
    if (parent) parent.element.children.push(element);
    else root = element;
    if (selfClosing && open.length === 0) break;
    if (!selfClosing) open.push({ element, written, namespace });
  }
  if (!root || open.length > 0) return undefined;
  skipSpace();
  return at === bytes.length ? root : undefined;
}
