// --query: JMESPath with the behaviour of Python's jmespath 1.0.1, which the real CLI uses.
// Loaded only when a query is given.
//
// Why not jmespath.js for evaluation: it cannot give the bytes the real CLI prints. It has one
// JS number type (Python prints `2.0` for avg([1,3]) and for the literal `2.0`, and keeps ints
// of any size), it reorders object keys that look like integers, it orders strings by UTF-16
// unit and compares non-numbers with `<`, its functions fail with other messages, and its parser
// accepts and rejects other expressions (and reports other positions). So the parser and the
// interpreter here follow Python's jmespath step by step instead.
import { QueryCompileError } from './jmespath/lexer';
import { parse } from './jmespath/parser';
import { evaluate } from './jmespath/interpreter';
import type { Value } from './jmespath/expression';
import type { PyValue } from './value';

/** Checks an expression up front, as the CLI does. Returns Python's error text, or undefined. */
export function queryCompileError(expression: string): string | undefined {
  try {
    parse(expression);
    return undefined;
  } catch (error) {
    if (error instanceof QueryCompileError) return error.message;
    throw error;
  }
}

/** Applies a (valid) expression; Python's runtime errors are thrown as PyError. */
export function searchQuery(expression: string, data: PyValue): Value {
  return evaluate(parse(expression), data);
}
