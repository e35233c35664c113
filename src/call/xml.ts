// Reads an AWS Query-protocol answer the way botocore does: ElementTree's XMLParser (expat)
// builds the tree its parsers walk (tag, text, children) and, for a body that is not XML, the
// CLI prints expat's message and position: "Unable to parse response (<reason>: line <n>,
// column <m>), …". No JavaScript XML library reproduces expat's messages and positions (only
// bindings to expat itself, a native module, which a standalone executable cannot carry), so
// this project has its own reader, written after expat 2.5.0's behaviour and checked against
// Python's xml.parsers.expat on generated documents (test/config/xml-expat.test.ts):
//   xml-encoding.ts     encodings and their detection (UTF-8, or UTF-16 by byte order mark), positions
//   xml-chars.ts        byte types and XML 1.0 name characters
//   xml-tokens.ts       the tokenizer; xml-token-parts.ts reads the parts of a token
//   xml-declaration.ts  the <?xml …?> declaration
//   xml-prolog.ts       the grammar of the prolog and the internal DTD subset
//   xml-dtd.ts          what the DTD declares; xml-namespaces.ts namespace declarations
//   xml-errors.ts       expat's messages
//   xml-parser.ts       the parser: declarations, entities, elements, attributes, and where errors are
//   xml.ts              this file: ElementTree's tree builder on top
import { XmlSyntaxError } from './xml-errors';
import { parseDocument } from './xml-parser';

export { XmlSyntaxError };

export interface XmlElement {
  /** `{namespace}local` for namespaced elements, as ElementTree names them. */
  readonly tag: string;
  /** Text before the first child, or null when there is none. */
  text: string | null;
  readonly children: XmlElement[];
}

/** Parses a document as botocore does (UTF-8 unless a byte order mark says otherwise); throws XmlSyntaxError. */
export function parseXml(bytes: Uint8Array): XmlElement {
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  parseDocument(bytes, {
    start(tag) {
      const element: XmlElement = { tag, text: null, children: [] };
      const parent = open.at(-1);
      if (parent) parent.children.push(element);
      else root ??= element;
      open.push(element);
    },
    end() {
      open.pop();
    },
    data(text) {
      // text after a child is that child's tail, which botocore never reads
      const current = open.at(-1);
      if (current && current.children.length === 0) current.text = (current.text ?? '') + text;
    },
  });
  return root!;
}
