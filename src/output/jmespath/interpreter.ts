// Evaluates a parsed JMESPath tree the way Python's jmespath 1.0.1 does (its TreeInterpreter):
// same truthiness, same comparison rules (ordering only between numbers or between strings,
// Python's TypeError when a number meets a string), same identity of the objects it returns.
import { compareNumbers, compareStrings, isNumber, pyEquals, PyError, pyTypeName, type PyValue } from '../value';
import { ExprRef, type Value } from './expression';
import { callFunction } from './functions';
import type { Node } from './parser';

export function evaluate(tree: Node, data: PyValue): Value {
  return visit(tree, data);
}

/**
 * Python raises RecursionError when evaluation nests too deep (two Python frames per level);
 * measured on the reference CLI: `!`×481 evaluates, `!`×482 does not.
 */
const MAX_DEPTH = 482;
let depth = 0;

function visit(node: Node, value: Value): Value {
  if (++depth > MAX_DEPTH) {
    depth = 0;
    throw new PyError('maximum recursion depth exceeded');
  }
  try {
    return visitNode(node, value);
  } finally {
    if (depth > 0) depth--;
  }
}

function visitNode(node: Node, value: Value): Value {
  switch (node.type) {
    case 'subexpression':
    case 'index_expression':
    case 'pipe': {
      let result = value;
      for (const child of node.children) result = visit(child, result);
      return result;
    }
    case 'field':
      return value instanceof Map ? (value.get(node.value as string) ?? null) : null;
    case 'comparator':
      return compare(node.value as string, visit(node.children[0]!, value), visit(node.children[1]!, value));
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new ExprRef(node.children[0]!, visit);
    case 'function_expression': {
      const args = node.children.map((child) => visit(child, value));
      return callFunction(node.value as string, args);
    }
    case 'filter_projection': {
      const base = visit(node.children[0]!, value);
      if (!Array.isArray(base)) return null;
      const collected: Value[] = [];
      for (const element of base) {
        if (isTrue(visit(node.children[2]!, element))) {
          const current = visit(node.children[1]!, element);
          if (current !== null) collected.push(current);
        }
      }
      return collected;
    }
    case 'flatten': {
      const base = visit(node.children[0]!, value);
      if (!Array.isArray(base)) return null;
      const merged: Value[] = [];
      for (const element of base) {
        if (Array.isArray(element)) merged.push(...element);
        else merged.push(element);
      }
      return merged;
    }
    case 'index': {
      if (!Array.isArray(value)) return null;
      const length = BigInt(value.length);
      let i = node.value as bigint;
      if (i < 0n) i += length;
      return i < 0n || i >= length ? null : value[Number(i)]!;
    }
    case 'slice':
      return Array.isArray(value) ? slice(value, node.value as Array<bigint | null>) : null;
    case 'key_val_pair':
      return visit(node.children[0]!, value);
    case 'literal':
      return node.value as PyValue;
    case 'multi_select_dict': {
      if (value === null) return null;
      const collected = new Map<string, Value>();
      for (const child of node.children) collected.set(child.value as string, visit(child, value));
      return collected;
    }
    case 'multi_select_list':
      return value === null ? null : node.children.map((child) => visit(child, value));
    case 'or_expression': {
      const matched = visit(node.children[0]!, value);
      return isFalse(matched) ? visit(node.children[1]!, value) : matched;
    }
    case 'and_expression': {
      const matched = visit(node.children[0]!, value);
      return isFalse(matched) ? matched : visit(node.children[1]!, value);
    }
    case 'not_expression': {
      const original = visit(node.children[0]!, value);
      // Python's `not`: numbers (even 0) are truthy here, the rest follows JMESPath falsiness
      if (isNumber(original)) return false;
      return isFalse(original);
    }
    case 'projection': {
      const base = visit(node.children[0]!, value);
      if (!Array.isArray(base)) return null;
      return project(base, node.children[1]!);
    }
    case 'value_projection': {
      const base = visit(node.children[0]!, value);
      if (!(base instanceof Map)) return null;
      return project([...base.values()], node.children[1]!);
    }
  }
  throw new Error(`unknown node ${node.type}`);
}

function project(elements: Value[], right: Node): Value[] {
  const collected: Value[] = [];
  for (const element of elements) {
    const current = visit(right, element);
    if (current !== null) collected.push(current);
  }
  return collected;
}

/** JMESPath falsiness as Python's jmespath tests it (0 is true). */
export function isFalse(value: Value): boolean {
  if (value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return false;
}

function isTrue(value: Value): boolean {
  return !isFalse(value);
}

const OPERATOR: Record<string, string> = { lt: '<', gt: '>', lte: '<=', gte: '>=' };

function compare(op: string, left: Value, right: Value): Value {
  if (op === 'eq') return equals(left, right);
  if (op === 'ne') return !equals(left, right);
  const comparable = (v: Value) => isNumber(v) || typeof v === 'string';
  if (!comparable(left) || !comparable(right)) return null;
  let order: number;
  if (typeof left === 'string' && typeof right === 'string') order = compareStrings(left, right);
  else if (isNumber(left) && isNumber(right)) order = compareNumbers(left, right);
  else {
    throw new PyError(
      `'${OPERATOR[op]}' not supported between instances of '${pyTypeName(left as PyValue)}' and '${pyTypeName(right as PyValue)}'`,
    );
  }
  switch (op) {
    case 'lt':
      return order < 0;
    case 'gt':
      return order > 0;
    case 'lte':
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** jmespath's _equals: Python ==, except that 0 and 1 never equal a boolean at the top level. */
function equals(x: Value, y: Value): boolean {
  const zeroOrOne = (v: Value) => isNumber(v) && (compareNumbers(v, 0n) === 0 || compareNumbers(v, 1n) === 0);
  if (zeroOrOne(x)) {
    if (typeof y === 'boolean') return false;
  } else if (zeroOrOne(y)) {
    if (typeof x === 'boolean') return false;
  }
  return pyEquals(x, y);
}

/** Python's list[start:stop:step]. */
function slice(list: Value[], parts: Array<bigint | null>): Value[] {
  const [startPart, stopPart, stepPart] = parts;
  const step = stepPart ?? 1n;
  if (step === 0n) throw new PyError('slice step cannot be zero');
  const length = BigInt(list.length);
  const adjust = (part: bigint | null, whenMissing: bigint): bigint => {
    if (part === null) return whenMissing;
    if (part < 0n) {
      const shifted = part + length;
      return shifted < 0n ? (step < 0n ? -1n : 0n) : shifted;
    }
    return part >= length ? (step < 0n ? length - 1n : length) : part;
  };
  const start = adjust(startPart, step < 0n ? length - 1n : 0n);
  const stop = adjust(stopPart, step < 0n ? -1n : length);
  const out: Value[] = [];
  if (step > 0n) for (let i = start; i < stop; i += step) out.push(list[Number(i)]!);
  else for (let i = start; i > stop; i += step) out.push(list[Number(i)]!);
  return out;
}
