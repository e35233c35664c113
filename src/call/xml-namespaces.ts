// Namespace declarations as expat checks them with ElementTree's separator: a prefix is bound to
// a namespace name until the element that declared it ends; the reserved prefixes and names,
// and names containing the separator, are refused.
import { RESERVED_NAMESPACE_URI, RESERVED_PREFIX_XML, RESERVED_PREFIX_XMLNS, SYNTAX, UNDECLARING_PREFIX, XmlStop } from './xml-errors';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** ElementTree's namespace separator: expat names elements `uri}local`. */
export const SEPARATOR = '}';

export interface Prefix {
  /** null for the default namespace (xmlns="…"). */
  readonly name: string | null;
  binding: Binding | null;
}

export interface Binding {
  readonly prefix: Prefix;
  /** The namespace name with the separator appended. */
  readonly uri: string;
  readonly previous: Binding | null;
}

/** Binds prefix to uri (an xmlns attribute's value); the caller undoes it at the element's end. */
export function bind(prefix: Prefix, uri: string): Binding {
  if (uri === '' && prefix.name !== null) throw new XmlStop(UNDECLARING_PREFIX);
  if (prefix.name === 'xmlns') throw new XmlStop(RESERVED_PREFIX_XMLNS);
  // the separator in a namespace name would make ElementTree's names ambiguous
  if (uri.includes(SEPARATOR)) throw new XmlStop(SYNTAX);
  const mustBeXml = prefix.name === 'xml';
  if (mustBeXml !== (uri === XML_NAMESPACE)) throw new XmlStop(mustBeXml ? RESERVED_PREFIX_XML : RESERVED_NAMESPACE_URI);
  if (uri === XMLNS_NAMESPACE) throw new XmlStop(RESERVED_NAMESPACE_URI);
  const binding: Binding = { prefix, uri: uri + SEPARATOR, previous: prefix.binding };
  // xmlns="" undeclares the default namespace
  prefix.binding = uri === '' ? null : binding;
  return binding;
}

/** Undoes bindings, the latest first. */
export function unbind(bindings: readonly Binding[]): void {
  for (let i = bindings.length - 1; i >= 0; i--) bindings[i]!.prefix.binding = bindings[i]!.previous;
}
