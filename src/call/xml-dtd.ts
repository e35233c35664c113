// What a document's DTD declares, as expat keeps it: entities (first declaration wins),
// element types with their attribute defaults, attribute names with their prefixes. Parameter
// entities are never read (ElementTree does not ask expat to): once one is referenced, the DTD
// may be incomplete, so undeclared entities stop being errors and later declarations are
// ignored, unless the document says standalone="yes".
import { type Prefix, SEPARATOR, XML_NAMESPACE } from './xml-namespaces';

export interface Entity {
  readonly name: string;
  /** Replacement text (UTF-8); none for an external entity. */
  text?: Uint8Array;
  /** An unparsed (NDATA) entity. */
  notation?: boolean;
  /** Being expanded (a reference to it now is recursive). */
  open?: boolean;
}

export interface AttributeId {
  readonly name: string;
  readonly prefix: Prefix | null;
  /** xmlns or xmlns:p: a namespace declaration, not an attribute. */
  readonly xmlns: boolean;
  /** Declared with a type other than CDATA somewhere: its value may need normalizing. */
  maybeTokenized: boolean;
}

export interface DefaultAttribute {
  readonly id: AttributeId;
  readonly value: string | null;
  readonly isCdata: boolean;
}

export interface ElementType {
  readonly prefix: Prefix | null;
  readonly defaults: DefaultAttribute[];
}

export class Dtd {
  standalone = false;
  hasParamEntityRefs = false;
  /** False once declarations are ignored (see the top of this file). */
  keepProcessing = true;
  readonly generalEntities = new Map<string, Entity>();
  readonly paramEntities = new Map<string, Entity>();
  readonly defaultPrefix: Prefix = { name: null, binding: null };
  private readonly prefixes = new Map<string, Prefix>();
  private readonly elementTypes = new Map<string, ElementType>();
  private readonly attributeIds = new Map<string, AttributeId>();

  constructor() {
    // the xml prefix is always bound
    const xml = this.prefix('xml');
    xml.binding = { prefix: xml, uri: XML_NAMESPACE + SEPARATOR, previous: null };
  }

  /** Whether a reference to an undeclared entity is an error (else the DTD may be incomplete). */
  get undeclaredIsError(): boolean {
    return !this.hasParamEntityRefs || this.standalone;
  }

  prefix(name: string): Prefix {
    let prefix = this.prefixes.get(name);
    if (!prefix) this.prefixes.set(name, (prefix = { name, binding: null }));
    return prefix;
  }

  elementType(name: string): ElementType {
    let type = this.elementTypes.get(name);
    if (!type) {
      const colon = name.indexOf(':');
      type = { prefix: colon >= 0 ? this.prefix(name.slice(0, colon)) : null, defaults: [] };
      this.elementTypes.set(name, type);
    }
    return type;
  }

  attributeId(name: string): AttributeId {
    let id = this.attributeIds.get(name);
    if (!id) {
      let prefix: Prefix | null = null;
      let xmlns = false;
      if (name === 'xmlns') {
        prefix = this.defaultPrefix;
        xmlns = true;
      } else if (name.startsWith('xmlns:')) {
        prefix = this.prefix(name.slice(6));
        xmlns = true;
      } else {
        const colon = name.indexOf(':');
        if (colon >= 0) prefix = this.prefix(name.slice(0, colon));
      }
      id = { name, prefix, xmlns, maybeTokenized: false };
      this.attributeIds.set(name, id);
    }
    return id;
  }

  /** A new entity, or null if one of that name was declared first. */
  declare(table: Map<string, Entity>, name: string): Entity | null {
    if (table.has(name)) return null;
    const entity: Entity = { name };
    table.set(name, entity);
    return entity;
  }

  /** An attribute of an ATTLIST declaration; the first default for an attribute wins. */
  defineAttribute(type: ElementType, id: AttributeId, isCdata: boolean, value: string | null): void {
    if (value !== null && type.defaults.some((d) => d.id === id)) return;
    type.defaults.push({ id, value, isCdata });
    if (!isCdata) id.maybeTokenized = true;
  }
}
