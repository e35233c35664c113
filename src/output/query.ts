// --query: JMESPath over the response (jmespath.js), loaded only when a query is given.
import * as jmespathModule from 'jmespath';

// @types/jmespath omits compile(), which the library exports
const jmespath = jmespathModule as unknown as {
  search(data: unknown, expression: string): unknown;
  compile(expression: string): unknown;
};

export function searchQuery(expression: string, data: unknown): unknown {
  return jmespath.search(data, expression);
}

/** Checks an expression up front, as the CLI does before anything else runs. Returns an error text or undefined. */
export function queryCompileError(expression: string): string | undefined {
  try {
    jmespath.compile(expression);
    return undefined;
  } catch (error) {
    return `Invalid jmespath expression: ${(error as Error).message}`;
  }
}
