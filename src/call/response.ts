// Turns a raw Query-protocol answer (EC2 or STS) into what botocore makes of it: the parsed
// output, or the error code and message of a ClientError, or the "Unable to parse response"
// failure for XML that does not parse. Follows botocore's parsers (generic 5xx pages, the
// Errors/Error nesting, RequestID) rather than the SDK's, whose names and fallbacks differ.
import { GeneralError } from '../runtime/errors';
import { ServiceError } from './errors';
import { PyBytes, pyStr } from '../util/python';
import type { XmlElement } from './xml';
import { readSimpleXml } from './xml-simple';

export interface RawResponse {
  readonly statusCode: number;
  readonly reason: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** A value of botocore's name→node dictionaries after _replace_nodes: text, None or a nested dict. */
type NodeValue = string | null | Map<string, NodeValue>;

export type ParsedResponse =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly code: NodeValue | undefined; readonly message: NodeValue | undefined };

/** Python's http.client.responses, for generic error pages. */
const REASONS: Record<number, string> = {
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
};

/** botocore's ResponseParserError for XML that does not parse (never retried). */
export class ResponseParserError extends GeneralError {}

export async function parseQueryResponse(response: RawResponse): Promise<ParsedResponse> {
  if (response.statusCode >= 301) {
    if (isGenericErrorPage(response)) {
      return { ok: false, code: String(response.statusCode), message: REASONS[response.statusCode] ?? '' };
    }
    return parseError(await parseDocument(response.body));
  }
  return { ok: true, root: await parseDocument(response.body) };
}

function isGenericErrorPage(response: RawResponse): boolean {
  if (response.statusCode < 500) return false;
  const body = Buffer.from(response.body).toString('latin1').replace(/^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g, '');
  return body === '' || body.startsWith('<html>');
}

async function parseDocument(body: Uint8Array): Promise<XmlElement> {
  const simple = readSimpleXml(body);
  if (simple) return simple;
  // anything else goes to the full reader, with expat's verdict on what is not XML
  const { parseXml, XmlSyntaxError } = await import('./xml');
  try {
    return parseXml(body);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new ResponseParserError(
        `Unable to parse response (${error.message}), invalid XML received. Further retries may succeed:\n` +
          pyStr(new PyBytes(body)),
      );
    }
    throw error;
  }
}

/** `{ns}Tag` → `Tag` (botocore strips everything up to the last `}`). */
export function localName(element: XmlElement): string {
  return element.tag.replace(/\{.*\}/s, '');
}

/** botocore's _build_name_to_xml_node: repeated names collect into lists. */
export function nameToNodes(parent: XmlElement): Map<string, XmlElement | XmlElement[]> {
  const nodes = new Map<string, XmlElement | XmlElement[]>();
  for (const child of parent.children) {
    const key = localName(child);
    const existing = nodes.get(key);
    if (existing === undefined) nodes.set(key, child);
    else if (Array.isArray(existing)) existing.push(child);
    else nodes.set(key, [existing, child]);
  }
  return nodes;
}

/**
 * How deep botocore's _replace_nodes can go in 2.33.31 before Python's recursion limit (1000
 * frames, less the CLI's below it): measured with error documents nested 971 to 975 deep. The
 * first call to overflow is always the regular expression that names a child (three frames below
 * a _replace_nodes frame, four when the value is a list of same-named elements).
 */
const PYTHON_FRAMES_LEFT = 976;

/**
 * botocore's _replace_nodes: nodes with children become dicts (a list uses its first item),
 * others their text; depth is the recursion's, for Python's RecursionError on deep documents.
 */
function replaceNodes(nodes: Map<string, XmlElement | XmlElement[]>, depth = 1): Map<string, NodeValue> {
  const out = new Map<string, NodeValue>();
  for (const [key, node] of nodes) {
    const list = Array.isArray(node);
    const first = list ? node[0]! : node;
    if (!list && !first.children.length) {
      out.set(key, first.text);
      continue;
    }
    if (first.children.length && depth + (list ? 4 : 3) > PYTHON_FRAMES_LEFT) {
      throw new GeneralError('maximum recursion depth exceeded while calling a Python object');
    }
    out.set(key, replaceNodes(nameToNodes(first), depth + 1));
  }
  return out;
}

/** QueryParser/EC2QueryParser._do_error_parse, then ClientError's Code/Message lookup. */
function parseError(root: XmlElement): ParsedResponse {
  const parsed = replaceNodes(nameToNodes(root));
  if (parsed.has('Errors')) {
    const errors = parsed.get('Errors')!;
    parsed.delete('Errors');
    if (errors === null) throw new GeneralError("'NoneType' object is not iterable");
    if (typeof errors === 'string') {
      if (errors.length === 0) {
        // updating a dict with an empty string adds nothing
      } else {
        throw new GeneralError(`dictionary update sequence element #0 has length 1; 2 is required`);
      }
    } else for (const [k, v] of errors) parsed.set(k, v);
  }
  const error = parsed.get('Error');
  if (!(error instanceof Map)) {
    // ClientError reads .get() on it; a text value has no such method
    if (typeof error === 'string') throw new GeneralError("'str' object has no attribute 'get'");
    if (error === null) throw new GeneralError("'NoneType' object has no attribute 'get'");
    return { ok: false, code: undefined, message: undefined };
  }
  return { ok: false, code: error.has('Code') ? error.get('Code')! : undefined, message: error.has('Message') ? error.get('Message')! : undefined };
}

/** The error code as botocore's retry checks see it (None when absent). */
export function errorCodeOf(parsed: ParsedResponse): string | undefined {
  if (parsed.ok) return undefined;
  return typeof parsed.code === 'string' ? parsed.code : undefined;
}

/** botocore's ClientError message: `An error occurred (Code) when calling the Op operation[ (reached max retries: N)]: Message`. */
export function clientError(parsed: ParsedResponse & { ok: false }, operation: string, retriesReached?: number): ServiceError {
  // botocore looks the code up in a dict of modeled exceptions; a nested (dict) code cannot be a key
  if (parsed.code instanceof Map) throw new GeneralError("unhashable type: 'dict'");
  const code = parsed.code === undefined ? 'Unknown' : pyStr(parsed.code);
  const message = parsed.message === undefined ? 'Unknown' : pyStr(parsed.message);
  const error = new ServiceError(code, message, operation);
  if (retriesReached !== undefined) {
    error.message = `An error occurred (${code}) when calling the ${operation} operation (reached max retries: ${retriesReached}): ${message}`;
  }
  return error;
}

/** The text of a direct child (botocore's member lookup by serialized name), or undefined. */
export function childText(parent: XmlElement, name: string): string | null | undefined {
  const node = nameToNodes(parent).get(name);
  if (node === undefined) return undefined;
  return Array.isArray(node) ? null : node.text;
}

/** A direct child element by name (the first of repeated ones). */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  const node = nameToNodes(parent).get(name);
  return Array.isArray(node) ? node[0] : node;
}
