// EC2's XML answers: a success document in the EC2 namespace (indented like EC2's own) and the
// one-line <Response><Errors>… document EC2 uses for every error.

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** An element's content: text, child elements, or absent (the element is left out). */
export type XmlValue = string | number | boolean | XmlElement[] | undefined;
export type XmlElement = readonly [name: string, value: XmlValue];

/** `<name><item>…</item>…</name>`: the shape of every EC2 list. */
export function xmlList(name: string, items: readonly XmlElement[][]): XmlElement {
  return [name, items.map((item): XmlElement => ['item', item])];
}

/** Escapes text content (quotes stay literal, as in EC2's answers; a CR would be lost to XML parsers). */
/** The same elements without the absent ones (so they survive a JSON round trip). */
export function pruneXml(elements: readonly XmlElement[]): XmlElement[] {
  return elements
    .filter((element) => element[1] !== undefined)
    .map(([name, value]): XmlElement => [name, Array.isArray(value) ? pruneXml(value) : value]);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function render(element: XmlElement, depth: number, out: string[]): void {
  const [name, value] = element;
  if (value === undefined) return;
  const pad = '    '.repeat(depth);
  if (Array.isArray(value)) {
    const present = value.filter((child) => child[1] !== undefined);
    if (present.length === 0) {
      out.push(`${pad}<${name}/>`);
      return;
    }
    out.push(`${pad}<${name}>`);
    for (const child of present) render(child, depth + 1, out);
    out.push(`${pad}</${name}>`);
    return;
  }
  out.push(`${pad}<${name}>${escapeXml(String(value))}</${name}>`);
}

export function successDocument(action: string, requestId: string, body: readonly XmlElement[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${action}Response xmlns="${EC2_NAMESPACE}">`];
  render(['requestId', requestId], 1, out);
  for (const element of body) render(element, 1, out);
  out.push(`</${action}Response>`);
  return out.join('\n');
}

export function errorDocument(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors>` +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}
