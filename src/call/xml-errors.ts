// How the XML reader fails: expat's messages (XML_ErrorString, expat 2.5.0), the error the
// reader throws (Python's ParseError text), and the signal raised inside the reader.

export const NO_ELEMENTS = 'no element found';
export const INVALID_TOKEN = 'not well-formed (invalid token)';
export const UNCLOSED_TOKEN = 'unclosed token';
export const PARTIAL_CHAR = 'partial character';
export const TAG_MISMATCH = 'mismatched tag';
export const DUPLICATE_ATTRIBUTE = 'duplicate attribute';
export const JUNK_AFTER_DOC_ELEMENT = 'junk after document element';
export const PARAM_ENTITY_REF = 'illegal parameter entity reference';
export const UNDEFINED_ENTITY = 'undefined entity';
export const RECURSIVE_ENTITY_REF = 'recursive entity reference';
export const ASYNC_ENTITY = 'asynchronous entity';
export const BAD_CHAR_REF = 'reference to invalid character number';
export const BINARY_ENTITY_REF = 'reference to binary entity';
export const ATTRIBUTE_EXTERNAL_ENTITY_REF = 'reference to external entity in attribute';
export const MISPLACED_XML_PI = 'XML or text declaration not at start of entity';
export const UNCLOSED_CDATA_SECTION = 'unclosed CDATA section';
export const SYNTAX = 'syntax error';
export const XML_DECL = 'XML declaration not well-formed';
export const PUBLICID = 'illegal character(s) in public id';
export const UNBOUND_PREFIX = 'unbound prefix';
export const UNDECLARING_PREFIX = 'must not undeclare prefix';
export const RESERVED_PREFIX_XML = 'reserved prefix (xml) must not be undeclared or bound to another namespace name';
export const RESERVED_PREFIX_XMLNS = 'reserved prefix (xmlns) must not be declared or undeclared';
export const RESERVED_NAMESPACE_URI = 'prefix must not be bound to one of the reserved namespace names';
export const AMPLIFICATION_LIMIT_BREACH = 'limit on input amplification factor (from DTD and entities) breached';

/** A document that does not parse: the message and place Python's ParseError gives. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason}: line ${line}, column ${column}`);
  }
}

/**
 * Raised inside the reader with one of the messages above. The place is the document position
 * `at` when given, else wherever the parser last pointed (the start of the current token, or the
 * entity reference whose replacement text is being read).
 */
export class XmlStop {
  constructor(
    readonly reason: string,
    readonly at?: number,
  ) {}
}
