// The XML reader's parser: expat's processing of a document entity, as Python's ElementTree sets
// it up for botocore (namespace processing with "}" as separator, UTF-8 named as the encoding,
// parameter entities never read, no external entities). It reports elements and text to a
// builder and stops at the first error with expat's message and the place expat blames: the
// start of the token, or the byte where a token went wrong. Inside entity replacement text the
// place is the reference in the document, as in expat.
//
// One difference from a plain expat run is Python's: ElementTree reports a reference to an
// entity it cannot expand (declared external, or undeclared where a DTD makes that legal) as
// "undefined entity &name;", and that error wins over any expat finds later.
import { readXmlDeclaration } from './xml-declaration';
import { Dtd, type AttributeId, type ElementType, type Entity } from './xml-dtd';
import { advancePosition, detectEncoding, INTERNAL_UTF8, type Position, UTF8 } from './xml-encoding';
import {
  AMPLIFICATION_LIMIT_BREACH, ASYNC_ENTITY, ATTRIBUTE_EXTERNAL_ENTITY_REF, BAD_CHAR_REF, BINARY_ENTITY_REF,
  DUPLICATE_ATTRIBUTE, INVALID_TOKEN, JUNK_AFTER_DOC_ELEMENT, MISPLACED_XML_PI, NO_ELEMENTS, PARAM_ENTITY_REF,
  PARTIAL_CHAR, PUBLICID, RECURSIVE_ENTITY_REF, SYNTAX, TAG_MISMATCH, UNBOUND_PREFIX, UNCLOSED_CDATA_SECTION,
  UNCLOSED_TOKEN, UNDEFINED_ENTITY, XML_DECL, XmlStop, XmlSyntaxError,
} from './xml-errors';
import { bind, type Binding, unbind } from './xml-namespaces';
import { attributeList, charRefNumber, nameLength, predefinedEntity, publicIdError } from './xml-token-parts';
import * as prolog from './xml-prolog';
import { PrologGrammar } from './xml-prolog';
import * as tokens from './xml-tokens';
import { Tokenizer } from './xml-tokens';

// local copies of the constants (see xml-tokens.ts)
const { ROLE_ATTLIST_ELEMENT_NAME, ROLE_ATTRIBUTE_NAME, ROLE_ATTRIBUTE_TYPE, ROLE_DEFAULT_ATTRIBUTE_VALUE,
  ROLE_DOCTYPE_CLOSE, ROLE_DOCTYPE_PUBLIC_ID, ROLE_DOCTYPE_SYSTEM_ID, ROLE_ENTITY_NOTATION_NAME,
  ROLE_ENTITY_PUBLIC_ID, ROLE_ENTITY_VALUE, ROLE_ERROR, ROLE_FIXED_ATTRIBUTE_VALUE, ROLE_GENERAL_ENTITY_NAME,
  ROLE_GROUP_CHOICE, ROLE_GROUP_OPEN, ROLE_GROUP_SEQUENCE, ROLE_IMPLIED_ATTRIBUTE_VALUE, ROLE_INSTANCE_START,
  ROLE_NOTATION_PUBLIC_ID, ROLE_PARAM_ENTITY_NAME, ROLE_PARAM_ENTITY_REF, ROLE_REQUIRED_ATTRIBUTE_VALUE,
  ROLE_XML_DECL } = prolog;
const { TOK_ATTRIBUTE_VALUE_S, TOK_BOM, TOK_CDATA_SECT_CLOSE, TOK_CDATA_SECT_OPEN, TOK_CHAR_REF, TOK_COMMENT,
  TOK_DATA_CHARS, TOK_DATA_NEWLINE, TOK_EMPTY_ELEMENT_NO_ATTS, TOK_EMPTY_ELEMENT_WITH_ATTS, TOK_END_TAG,
  TOK_ENTITY_REF, TOK_INVALID, TOK_NONE, TOK_PARAM_ENTITY_REF, TOK_PARTIAL, TOK_PARTIAL_CHAR, TOK_PI,
  TOK_PROLOG_S, TOK_START_TAG_NO_ATTS, TOK_START_TAG_WITH_ATTS, TOK_TRAILING_CR, TOK_TRAILING_RSQB,
  TOK_XML_DECL } = tokens;

/** What the parser tells the tree builder. */
export interface XmlEvents {
  start(tag: string): void;
  end(): void;
  data(text: string): void;
}

/** Entity expansion may grow the input 100 times once 8 MiB have been read (expat's defaults). */
const AMPLIFICATION_THRESHOLD = 8 * 1024 * 1024;
const MAX_AMPLIFICATION = 100;

interface OpenTag {
  /** The start tag's name as written: [nameStart, nameEnd) of buffer. */
  readonly buffer: Uint8Array;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Namespace declarations of the start tag, undone at its end. */
  bindings: Binding[] | null;
}

/** Content being read: the document's, or an entity's replacement text. */
interface ContentFrame {
  readonly t: Tokenizer;
  /** Where reading resumes. */
  s: number;
  readonly end: number;
  /** Open elements when the entity was referenced: its text must leave as many. */
  readonly startTagLevel: number;
  readonly account: Account;
  readonly entity: Entity | null;
}

/** An attribute value being read: the literal's, or an entity's replacement text. */
interface ValueFrame {
  readonly t: Tokenizer;
  p: number;
  readonly end: number;
  readonly account: Account;
  readonly entity: Entity | null;
}

/** Whose bytes a count goes to: the document's, or entity replacement text's; 'none' counts nothing. */
type Account = 'direct' | 'expansion' | 'none';

export function parseDocument(bytes: Uint8Array, events: XmlEvents): void {
  new DocumentParser(bytes, events).run();
}

class DocumentParser {
  private readonly doc: Tokenizer;
  private readonly end: number;
  /** Where an error is reported (expat's eventPtr), in the document. */
  private eventPtr = 0;
  /** ElementTree's own first error; reported instead of anything expat finds after it. */
  private pythonError?: XmlSyntaxError;

  private readonly grammar = new PrologGrammar();
  private readonly groupConnector: number[] = [];
  private readonly dtd = new Dtd();
  private declEntity: Entity | null = null;
  private declElementType: ElementType | null = null;
  private declAttributeId: AttributeId | null = null;
  private declAttributeIsCdata = false;

  private readonly tags: OpenTag[] = [];
  private bytesDirect = 0;
  private bytesIndirect = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly events: XmlEvents,
  ) {
    this.doc = new Tokenizer(UTF8, b);
    this.end = b.length;
  }

  run(): void {
    try {
      this.prolog();
    } catch (error) {
      if (!(error instanceof XmlStop)) throw error;
      if (error.at !== undefined) this.eventPtr = error.at;
      throw this.pythonError ?? this.syntaxError(error.reason);
    }
    if (this.pythonError) throw this.pythonError;
  }

  /** The error with the place eventPtr points at, as expat counts lines and columns. */
  private syntaxError(reason: string): XmlSyntaxError {
    const position: Position = { line: 0, column: 0 };
    advancePosition(this.doc.enc, this.b, 0, this.eventPtr, position);
    return new XmlSyntaxError(reason, position.line + 1, position.column);
  }

  /** Sets the error place when t reads the document (errors in entity text keep the reference's). */
  private blame(t: Tokenizer, p: number): void {
    if (t === this.doc) this.eventPtr = p;
  }

  private account(tok: number, from: number, to: number, account: Account): void {
    if (tok === TOK_INVALID || tok === TOK_PARTIAL || tok === TOK_PARTIAL_CHAR || tok === TOK_NONE || account === 'none') return;
    if (account === 'direct') this.bytesDirect += to - from;
    else this.bytesIndirect += to - from;
    const total = this.bytesDirect + this.bytesIndirect;
    if (total < AMPLIFICATION_THRESHOLD) return;
    // expat computes the factor in single precision
    const factor = this.bytesDirect ? Math.fround(Math.fround(total) / Math.fround(this.bytesDirect)) : 1;
    if (factor > MAX_AMPLIFICATION) throw new XmlStop(AMPLIFICATION_LIMIT_BREACH);
  }

  // ---- the prolog ----

  private prolog(): void {
    const t = this.doc;
    const end = this.end;
    let s = 0;
    let tok: number;
    let next = 0;
    const detected = detectEncoding(this.b, end);
    if (detected === 'empty') tok = TOK_NONE;
    else if (detected === 'partial') tok = TOK_PARTIAL;
    else {
      t.setEncoding(detected.enc);
      if (detected.bom) {
        tok = TOK_BOM;
        next = detected.bom;
      } else {
        tok = t.prologToken(0, end);
        next = t.next;
      }
    }
    for (;;) {
      this.eventPtr = s;
      if (tok <= 0) {
        if (tok === TOK_INVALID) {
          this.eventPtr = next;
          throw new XmlStop(INVALID_TOKEN);
        }
        if (tok === TOK_PARTIAL) throw new XmlStop(UNCLOSED_TOKEN);
        if (tok === TOK_PARTIAL_CHAR) throw new XmlStop(PARTIAL_CHAR);
        if (tok === TOK_NONE) throw new XmlStop(NO_ELEMENTS);
        // a token cut short by the end of the input
        if (tok !== -TOK_PROLOG_S) next = end;
        tok = -tok;
      }
      const role = this.grammar.role(tok, s, next, t);
      if (role !== ROLE_INSTANCE_START && role !== ROLE_XML_DECL) this.account(tok, s, next, 'direct');
      if (role === ROLE_INSTANCE_START) {
        this.content(s);
        return;
      }
      this.prologRole(role, tok, s, next);
      s = next;
      tok = t.prologToken(s, end);
      next = t.next;
    }
  }

  private prologRole(role: number, tok: number, s: number, next: number): void {
    const t = this.doc;
    const u = t.enc.unit;
    switch (role) {
      case ROLE_XML_DECL: {
        this.account(TOK_XML_DECL, s, next, 'direct');
        const declaration = readXmlDeclaration(t, s, next);
        if (!declaration.ok) throw new XmlStop(XML_DECL, declaration.at);
        if (declaration.standalone) this.dtd.standalone = true;
        return;
      }
      case ROLE_DOCTYPE_PUBLIC_ID:
        this.dtd.hasParamEntityRefs = true;
        this.checkPublicId(s, next);
        return;
      case ROLE_ENTITY_PUBLIC_ID:
      case ROLE_NOTATION_PUBLIC_ID:
        this.checkPublicId(s, next);
        return;
      case ROLE_DOCTYPE_SYSTEM_ID:
        this.dtd.hasParamEntityRefs = true;
        return;
      case ROLE_DOCTYPE_CLOSE:
        return;
      case ROLE_ATTLIST_ELEMENT_NAME:
        this.declElementType = this.dtd.elementType(t.enc.decode(t.b, s, next));
        return;
      case ROLE_ATTRIBUTE_NAME:
        this.declAttributeId = this.dtd.attributeId(t.enc.decode(t.b, s, next));
        this.declAttributeIsCdata = false;
        return;
      case ROLE_ATTRIBUTE_TYPE:
        this.declAttributeIsCdata = true;
        return;
      case ROLE_IMPLIED_ATTRIBUTE_VALUE:
      case ROLE_REQUIRED_ATTRIBUTE_VALUE:
        if (this.dtd.keepProcessing) this.dtd.defineAttribute(this.declElementType!, this.declAttributeId!, this.declAttributeIsCdata, null);
        return;
      case ROLE_DEFAULT_ATTRIBUTE_VALUE:
      case ROLE_FIXED_ATTRIBUTE_VALUE:
        if (this.dtd.keepProcessing) {
          const value = this.attributeValue(t, this.declAttributeIsCdata, s + u, next - u, 'none');
          this.dtd.defineAttribute(this.declElementType!, this.declAttributeId!, this.declAttributeIsCdata, value);
        }
        return;
      case ROLE_ENTITY_VALUE:
        if (this.dtd.keepProcessing) {
          const text = this.entityValue(s + u, next - u);
          if (this.declEntity) this.declEntity.text = text;
        }
        return;
      case ROLE_ENTITY_NOTATION_NAME:
        if (this.dtd.keepProcessing && this.declEntity) this.declEntity.notation = true;
        return;
      case ROLE_GENERAL_ENTITY_NAME:
        this.declEntity = null;
        if (predefinedEntity(t, s, next) || !this.dtd.keepProcessing) return;
        this.declEntity = this.dtd.declare(this.dtd.generalEntities, t.enc.decode(t.b, s, next));
        return;
      case ROLE_PARAM_ENTITY_NAME:
        this.declEntity = this.dtd.keepProcessing ? this.dtd.declare(this.dtd.paramEntities, t.enc.decode(t.b, s, next)) : null;
        return;
      case ROLE_ERROR:
        if (tok === TOK_PARAM_ENTITY_REF) throw new XmlStop(PARAM_ENTITY_REF);
        if (tok === TOK_XML_DECL) throw new XmlStop(MISPLACED_XML_PI);
        throw new XmlStop(SYNTAX);
      case ROLE_GROUP_OPEN:
        this.groupConnector[this.grammar.level] = 0;
        return;
      case ROLE_GROUP_SEQUENCE:
      case ROLE_GROUP_CHOICE: {
        // a group is either a sequence (a, b) or a choice (a | b), never both
        const connector = role === ROLE_GROUP_SEQUENCE ? 0x2c : 0x7c;
        const previous = this.groupConnector[this.grammar.level];
        if (previous && previous !== connector) throw new XmlStop(SYNTAX);
        this.groupConnector[this.grammar.level] = connector;
        return;
      }
      case ROLE_PARAM_ENTITY_REF:
        // parameter entities are never read: from here on declarations may be incomplete
        this.dtd.hasParamEntityRefs = true;
        this.dtd.keepProcessing = this.dtd.standalone;
        return;
    }
  }

  private checkPublicId(s: number, next: number): void {
    const bad = publicIdError(this.doc, s, next);
    if (bad >= 0) throw new XmlStop(PUBLICID, bad);
  }

  /** An entity value literal [from, to): character references replaced, parameter entities refused. */
  private entityValue(from: number, to: number): Uint8Array {
    const t = this.doc;
    let text = '';
    let p = from;
    for (;;) {
      const tok = t.entityValueToken(p, to);
      let next = t.next;
      this.account(tok, p, next, 'direct');
      switch (tok) {
        case TOK_NONE:
          return new TextEncoder().encode(text);
        case TOK_PARAM_ENTITY_REF:
          throw new XmlStop(PARAM_ENTITY_REF, p);
        case TOK_ENTITY_REF:
        case TOK_DATA_CHARS:
          text += t.enc.decode(t.b, p, next);
          break;
        case TOK_TRAILING_CR:
          next = p + t.enc.unit;
          text += '\n';
          break;
        case TOK_DATA_NEWLINE:
          text += '\n';
          break;
        case TOK_CHAR_REF: {
          const n = charRefNumber(t, p);
          if (n < 0) throw new XmlStop(BAD_CHAR_REF, p);
          text += String.fromCodePoint(n);
          break;
        }
        case TOK_PARTIAL:
          throw new XmlStop(INVALID_TOKEN, p);
        default:
          throw new XmlStop(INVALID_TOKEN, next);
      }
      p = next;
    }
  }

  // ---- attribute values ----

  /** An attribute value [from, to) with references expanded and white space normalized. */
  private attributeValue(t: Tokenizer, isCdata: boolean, from: number, to: number, account: Account): string {
    const out = { text: '' };
    this.appendAttributeValue(t, isCdata, from, to, account, out);
    if (!isCdata && out.text.endsWith(' ')) out.text = out.text.slice(0, -1);
    return out.text;
  }

  /** Appends [from, to) of t to out, expanding entities with a stack of frames (see content()). */
  private appendAttributeValue(t: Tokenizer, isCdata: boolean, from: number, to: number, account: Account, out: { text: string }): void {
    const spaceNotNeeded = () => !isCdata && (out.text.length === 0 || out.text.endsWith(' '));
    const outer: ValueFrame[] = [];
    let f: ValueFrame = { t, p: from, end: to, account, entity: null };
    for (;;) {
      const { t, p, account } = f;
      const tok = t.attributeValueToken(p, f.end);
      let next = t.next;
      this.account(tok, p, next, account);
      switch (tok) {
        case TOK_NONE:
          if (!f.entity) return;
          f.entity.open = false;
          f = outer.pop()!;
          continue;
        case TOK_INVALID:
          this.blame(t, next);
          throw new XmlStop(INVALID_TOKEN);
        case TOK_PARTIAL:
          this.blame(t, p);
          throw new XmlStop(INVALID_TOKEN);
        case TOK_CHAR_REF: {
          const n = charRefNumber(t, p);
          if (n < 0) {
            this.blame(t, p);
            throw new XmlStop(BAD_CHAR_REF);
          }
          if (n === 0x20 && spaceNotNeeded()) break;
          out.text += String.fromCodePoint(n);
          break;
        }
        case TOK_DATA_CHARS:
          out.text += t.enc.decode(t.b, p, next);
          break;
        case TOK_TRAILING_CR:
        case TOK_ATTRIBUTE_VALUE_S:
        case TOK_DATA_NEWLINE:
          if (tok === TOK_TRAILING_CR) next = p + t.enc.unit;
          if (!spaceNotNeeded()) out.text += ' ';
          break;
        case TOK_ENTITY_REF: {
          const u = t.enc.unit;
          const ch = predefinedEntity(t, p + u, next - u);
          if (ch) {
            this.bytesIndirect += 1;
            out.text += String.fromCharCode(ch);
            break;
          }
          const entity = this.dtd.generalEntities.get(t.enc.decode(t.b, p + u, next - u));
          if (!entity) {
            // an undeclared entity is an error unless the DTD may be incomplete; then it is left out
            if (this.dtd.undeclaredIsError) throw new XmlStop(UNDEFINED_ENTITY);
            break;
          }
          if (entity.open) {
            this.blame(t, p);
            throw new XmlStop(RECURSIVE_ENTITY_REF);
          }
          if (entity.notation) {
            this.blame(t, p);
            throw new XmlStop(BINARY_ENTITY_REF);
          }
          if (!entity.text) {
            this.blame(t, p);
            throw new XmlStop(ATTRIBUTE_EXTERNAL_ENTITY_REF);
          }
          f.p = next;
          outer.push(f);
          entity.open = true;
          f = { t: new Tokenizer(INTERNAL_UTF8, entity.text), p: 0, end: entity.text.length, account: 'expansion', entity };
          continue;
        }
      }
      f.p = next;
    }
  }

  // ---- content ----

  /**
   * Element content from s: the document's, and the replacement text of the entities it
   * references (each must close the elements it opens). Entities are expanded with a stack of
   * frames, not recursion: a chain of thousands of entities must not exhaust the call stack.
   */
  private content(s: number): void {
    const outer: ContentFrame[] = [];
    let f: ContentFrame = { t: this.doc, s, end: this.end, startTagLevel: 0, account: 'direct', entity: null };
    this.eventPtr = s;
    for (;;) {
      const { t, end, account } = f;
      const u = t.enc.unit;
      s = f.s;
      const tok = t.contentToken(s, end);
      let next = t.next;
      this.account(tok, s, tok === TOK_TRAILING_RSQB || tok === TOK_TRAILING_CR ? end : next, account);
      switch (tok) {
        case TOK_TRAILING_CR:
        case TOK_NONE:
          if (tok === TOK_TRAILING_CR) this.data('\n');
          if (f.startTagLevel === 0) throw new XmlStop(NO_ELEMENTS);
          if (this.tags.length !== f.startTagLevel) throw new XmlStop(ASYNC_ENTITY);
          f.entity!.open = false;
          f = outer.pop()!;
          this.blame(f.t, f.s);
          continue;
        case TOK_INVALID:
          this.blame(t, next);
          throw new XmlStop(INVALID_TOKEN);
        case TOK_PARTIAL:
          throw new XmlStop(UNCLOSED_TOKEN);
        case TOK_PARTIAL_CHAR:
          throw new XmlStop(PARTIAL_CHAR);
        case TOK_ENTITY_REF: {
          const entity = this.entityToExpand(t, s, next);
          if (entity) {
            f.s = next;
            outer.push(f);
            entity.open = true;
            const text = entity.text!;
            f = { t: new Tokenizer(INTERNAL_UTF8, text), s: 0, end: text.length, startTagLevel: this.tags.length, account: 'expansion', entity };
            continue;
          }
          break;
        }
        case TOK_START_TAG_NO_ATTS:
        case TOK_START_TAG_WITH_ATTS:
        case TOK_EMPTY_ELEMENT_NO_ATTS:
        case TOK_EMPTY_ELEMENT_WITH_ATTS: {
          const empty = tok === TOK_EMPTY_ELEMENT_NO_ATTS || tok === TOK_EMPTY_ELEMENT_WITH_ATTS;
          const nameStart = s + u;
          const nameEnd = nameStart + nameLength(t, nameStart);
          const tag: OpenTag = { buffer: t.b, nameStart, nameEnd, bindings: null };
          if (!empty) this.tags.push(tag);
          const withAttributes = tok === TOK_START_TAG_WITH_ATTS || tok === TOK_EMPTY_ELEMENT_WITH_ATTS;
          const name = this.startTagName(t, s, withAttributes, t.enc.decode(t.b, nameStart, nameEnd), tag, empty ? 'none' : account);
          this.events.start(name);
          if (empty) {
            this.events.end();
            if (tag.bindings) unbind(tag.bindings);
            if (this.tags.length === 0) return this.epilog(next);
          }
          break;
        }
        case TOK_END_TAG: {
          if (this.tags.length === f.startTagLevel) throw new XmlStop(ASYNC_ENTITY);
          const tag = this.tags[this.tags.length - 1]!;
          const nameStart = s + 2 * u;
          const nameEnd = nameStart + nameLength(t, nameStart);
          if (!sameName(tag, t.b, nameStart, nameEnd)) {
            this.blame(t, nameStart);
            throw new XmlStop(TAG_MISMATCH);
          }
          this.tags.pop();
          this.events.end();
          if (tag.bindings) unbind(tag.bindings);
          if (this.tags.length === 0) return this.epilog(next);
          break;
        }
        case TOK_CHAR_REF: {
          const n = charRefNumber(t, s);
          if (n < 0) throw new XmlStop(BAD_CHAR_REF);
          this.data(String.fromCodePoint(n));
          break;
        }
        case TOK_XML_DECL:
          throw new XmlStop(MISPLACED_XML_PI);
        case TOK_DATA_NEWLINE:
          this.data('\n');
          break;
        case TOK_CDATA_SECT_OPEN:
          next = this.cdataSection(t, next, end, account);
          break;
        case TOK_TRAILING_RSQB:
          this.data(t.enc.decode(t.b, s, end));
          if (f.startTagLevel === 0) {
            this.blame(t, end);
            throw new XmlStop(NO_ELEMENTS);
          }
          if (this.tags.length !== f.startTagLevel) throw new XmlStop(ASYNC_ENTITY);
          f.entity!.open = false;
          f = outer.pop()!;
          this.blame(f.t, f.s);
          continue;
        case TOK_DATA_CHARS:
          this.data(t.enc.decode(t.b, s, next));
          break;
        case TOK_PI:
        case TOK_COMMENT:
          break;
      }
      f.s = next;
      this.blame(t, next);
    }
  }

  private data(text: string): void {
    if (!this.pythonError) this.events.data(text);
  }

  /** For a reference in content: the entity whose text to read next, or null when it is handled here. */
  private entityToExpand(t: Tokenizer, s: number, next: number): Entity | null {
    const u = t.enc.unit;
    const ch = predefinedEntity(t, s + u, next - u);
    if (ch) {
      this.bytesIndirect += 1;
      this.data(String.fromCharCode(ch));
      return null;
    }
    const entity = this.dtd.generalEntities.get(t.enc.decode(t.b, s + u, next - u));
    if (this.dtd.undeclaredIsError) {
      if (!entity) throw new XmlStop(UNDEFINED_ENTITY);
    } else if (!entity) {
      this.undefinedInPython(t, s, next);
      return null;
    }
    if (entity.open) throw new XmlStop(RECURSIVE_ENTITY_REF);
    if (entity.notation) throw new XmlStop(BINARY_ENTITY_REF);
    if (!entity.text) {
      // external: ElementTree has no replacement text for it either
      this.undefinedInPython(t, s, next);
      return null;
    }
    return entity;
  }

  /** ElementTree's "undefined entity &name;" (at most 100 bytes of the reference, as UTF-8). */
  private undefinedInPython(t: Tokenizer, s: number, next: number): void {
    if (this.pythonError) return;
    const reference = new TextEncoder().encode(t.enc.decode(t.b, s, next)).subarray(0, 100);
    this.pythonError = this.syntaxError(`undefined entity ${new TextDecoder().decode(reference)}`);
  }


  private cdataSection(t: Tokenizer, s: number, end: number, account: Account): number {
    this.blame(t, s);
    for (;;) {
      const tok = t.cdataToken(s, end);
      const next = t.next;
      this.account(tok, s, next, account);
      switch (tok) {
        case TOK_CDATA_SECT_CLOSE:
          return next;
        case TOK_DATA_NEWLINE:
          this.data('\n');
          break;
        case TOK_DATA_CHARS:
          this.data(t.enc.decode(t.b, s, next));
          break;
        case TOK_INVALID:
          this.blame(t, next);
          throw new XmlStop(INVALID_TOKEN);
        case TOK_PARTIAL_CHAR:
          throw new XmlStop(PARTIAL_CHAR);
        default:
          throw new XmlStop(UNCLOSED_CDATA_SECTION);
      }
      s = next;
      this.blame(t, s);
    }
  }

  /** After the document element: only white space, comments and processing instructions. */
  private epilog(s: number): void {
    const t = this.doc;
    this.eventPtr = s;
    for (;;) {
      const tok = t.prologToken(s, this.end);
      const next = t.next;
      this.account(tok, s, next, 'direct');
      switch (tok) {
        case -TOK_PROLOG_S:
        case TOK_NONE:
          return;
        case TOK_PROLOG_S:
        case TOK_PI:
        case TOK_COMMENT:
          break;
        case TOK_INVALID:
          this.eventPtr = next;
          throw new XmlStop(INVALID_TOKEN);
        case TOK_PARTIAL:
          throw new XmlStop(UNCLOSED_TOKEN);
        case TOK_PARTIAL_CHAR:
          throw new XmlStop(PARTIAL_CHAR);
        default:
          throw new XmlStop(JUNK_AFTER_DOC_ELEMENT);
      }
      this.eventPtr = s = next;
    }
  }

  // ---- start tags and namespaces ----

  /**
   * The attributes of the start tag at s: duplicates, values, namespace declarations (added to
   * bindings), defaults from the DTD; then the element's name as ElementTree gets it.
   */
  private startTagName(t: Tokenizer, s: number, withAttributes: boolean, rawName: string, tag: OpenTag, account: Account): string {
    const type = this.dtd.elementType(rawName);
    if (withAttributes || type.defaults.length) this.attributes(t, s, withAttributes, type, tag, account);
    if (type.prefix) {
      const binding = type.prefix.binding;
      if (!binding) throw new XmlStop(UNBOUND_PREFIX);
      return `{${binding.uri}${rawName.slice(rawName.indexOf(':') + 1)}`;
    }
    const namespace = this.dtd.defaultPrefix.binding;
    return namespace ? `{${namespace.uri}${rawName}` : rawName;
  }

  private attributes(t: Tokenizer, s: number, withAttributes: boolean, type: ElementType, tag: OpenTag, account: Account): void {
    const seen = new Set<AttributeId>();
    const prefixed: AttributeId[] = [];
    for (const att of withAttributes ? attributeList(t, s) : []) {
      const id = this.dtd.attributeId(t.enc.decode(t.b, att.name, att.name + nameLength(t, att.name)));
      if (seen.has(id)) {
        this.blame(t, att.name);
        throw new XmlStop(DUPLICATE_ATTRIBUTE);
      }
      seen.add(id);
      let value: string;
      if (att.normalized) value = t.enc.decode(t.b, att.valueStart, att.valueEnd);
      else {
        const declared = id.maybeTokenized ? type.defaults.find((d) => d.id === id) : undefined;
        value = this.attributeValue(t, declared?.isCdata ?? true, att.valueStart, att.valueEnd, account);
      }
      if (id.xmlns) (tag.bindings ??= []).push(bind(id.prefix!, value));
      else if (id.prefix) prefixed.push(id);
    }
    for (const d of type.defaults) {
      if (seen.has(d.id) || d.value === null) continue;
      if (d.id.xmlns) (tag.bindings ??= []).push(bind(d.id.prefix!, d.value));
      else if (d.id.prefix) {
        seen.add(d.id);
        prefixed.push(d.id);
      }
    }
    // prefixed attributes: bound, and distinct once expanded
    const expanded = new Set<string>();
    for (const id of prefixed) {
      const binding = id.prefix!.binding;
      if (!binding) throw new XmlStop(UNBOUND_PREFIX);
      const name = binding.uri + id.name.slice(id.name.indexOf(':') + 1);
      if (expanded.has(name)) throw new XmlStop(DUPLICATE_ATTRIBUTE);
      expanded.add(name);
    }
  }
}

/** Whether an end tag's name [from, to) of b is the start tag's, byte for byte. */
function sameName(tag: OpenTag, b: Uint8Array, from: number, to: number): boolean {
  const length = tag.nameEnd - tag.nameStart;
  if (length !== to - from) return false;
  for (let i = 0; i < length; i++) if (tag.buffer[tag.nameStart + i] !== b[from + i]) return false;
  return true;
}
