// The EC2 Query protocol's request side: flat `Key.1.Sub=value` form parameters decoded into
// structured input against a small per-action schema, with EC2's errors for unknown members,
// missing required members and values of the wrong type.
import { invalidValueFor, missingParameter, unknownParameter } from './errors';

export type Schema =
  | { readonly kind: 'string'; readonly enum?: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'list'; readonly member: Schema }
  | StructureSchema;

export interface StructureSchema {
  readonly kind: 'structure';
  /** API member name → [query key, schema]. The query key is EC2's serialized name. */
  readonly members: Readonly<Record<string, readonly [string, Schema]>>;
  /** API member names that must be present. */
  readonly required?: readonly string[];
}

export const str: Schema = { kind: 'string' };
export const bool: Schema = { kind: 'boolean' };
export const int = (min?: number, max?: number): Schema => ({ kind: 'integer', min, max });
export const oneOf = (...values: string[]): Schema => ({ kind: 'string', enum: values });
export const listOf = (member: Schema): Schema => ({ kind: 'list', member });
export const structure = (members: StructureSchema['members'], required: readonly string[] = []): StructureSchema => ({
  kind: 'structure',
  members,
  required,
});

/** Parameters every request may carry besides the action's own members. */
const PROTOCOL_PARAMETERS = new Set(['Action', 'Version']);

/** A node of the dotted-key tree: its own value (if the key ended here) and its children. */
interface KeyNode {
  value?: string;
  key: string;
  children: Map<string, KeyNode>;
}

function buildTree(params: ReadonlyMap<string, string>): KeyNode {
  const root: KeyNode = { key: '', children: new Map() };
  for (const [key, value] of params) {
    if (PROTOCOL_PARAMETERS.has(key)) continue;
    let node = root;
    for (const segment of key.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = { key: node.key ? `${node.key}.${segment}` : segment, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** Decodes the request's parameters into the action's input; throws EC2's error on bad input. */
export function decodeInput(schema: StructureSchema, params: ReadonlyMap<string, string>): Record<string, unknown> {
  return decodeStructure(schema, buildTree(params));
}

function decodeStructure(schema: StructureSchema, node: KeyNode): Record<string, unknown> {
  if (node.value !== undefined && node.key !== '') throw unknownParameter(node.key);
  const byKey = new Map(Object.entries(schema.members).map(([member, [key, memberSchema]]) => [key, { member, memberSchema }]));
  const out: Record<string, unknown> = {};
  for (const [segment, child] of node.children) {
    const entry = byKey.get(segment);
    if (!entry) throw unknownParameter(child.key);
    out[entry.member] = decodeValue(entry.memberSchema, child);
  }
  for (const member of schema.required ?? []) {
    const value = out[member];
    if (value === undefined || value === '') {
      const [key] = schema.members[member]!;
      throw missingParameter(node.key ? `${node.key}.${key}` : key);
    }
  }
  return out;
}

function decodeValue(schema: Schema, node: KeyNode): unknown {
  switch (schema.kind) {
    case 'structure':
      return decodeStructure(schema, node);
    case 'list': {
      if (node.value !== undefined) throw unknownParameter(node.key);
      const items: Array<[number, unknown]> = [];
      for (const [segment, child] of node.children) {
        if (!/^[1-9]\d{0,5}$/.test(segment)) throw unknownParameter(child.key);
        items.push([Number(segment), decodeValue(schema.member, child)]);
      }
      return items.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
    }
    default: {
      const [first] = node.children.values();
      if (first) throw unknownParameter(first.key);
      return decodeScalar(schema, node.key, node.value ?? '');
    }
  }
}

function decodeScalar(schema: Schema, name: string, text: string): unknown {
  switch (schema.kind) {
    case 'boolean': {
      const lowered = text.toLowerCase();
      if (lowered === 'true') return true;
      if (lowered === 'false') return false;
      throw invalidValueFor(name, text, "Expected: 'boolean'.");
    }
    case 'integer': {
      if (!/^[+-]?\d{1,15}$/.test(text.trim())) throw invalidValueFor(name, text, "Expected: 'integer'.");
      const value = Number(text.trim());
      if ((schema.min !== undefined && value < schema.min) || (schema.max !== undefined && value > schema.max)) {
        throw invalidValueFor(name, text, `It must be between ${schema.min ?? '-2147483648'} and ${schema.max ?? '2147483647'}.`);
      }
      return value;
    }
    case 'string':
      if (schema.enum && !schema.enum.includes(text)) {
        throw invalidValueFor(name, text, `Valid values: ${schema.enum.join(', ')}.`);
      }
      return text;
    default:
      return text;
  }
}
