// JMESPath parser (top-down operator precedence) that accepts exactly what Python's jmespath
// 1.0.1 accepts, builds the same tree, and fails with the same message at the same column.
import { pyStr, type PyValue } from '../value';
import { QueryCompileError, tokenize, type Token, type TokenValue } from './lexer';

export interface Node {
  readonly type: string;
  readonly children: Node[];
  /** Field name, literal value, comparator, function name, index, … depending on `type`. */
  readonly value?: unknown;
}

const node = (type: string, children: Node[] = [], value?: unknown): Node => ({ type, children, value });

const BINDING_POWER: Record<string, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
/** Tokens binding less than this end a projection. */
const PROJECTION_STOP = 10;

/** Parses an expression; throws QueryCompileError with Python's message. */
export function parse(expression: string): Node {
  return new Parser(expression).parseAll();
}

/**
 * Python raises RecursionError when the parser nests too deep. Calls are counted the way Python
 * stacks frames (one per parsing function that recurses); the limit was measured on the
 * reference CLI: `(`×488 parses, `(`×490 does not; `[`×326 parses, `[`×328 does not.
 */
const MAX_PYTHON_FRAMES = 980;

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private frames = 0;

  constructor(private readonly expression: string) {
    this.tokens = tokenize(expression);
  }

  parseAll(): Node {
    const parsed = this.expression_(0);
    if (this.current() !== 'eof') {
      const t = this.lookaheadToken(0);
      this.parseError(t, `Unexpected token: ${tokenText(t.value)}`);
    }
    return parsed;
  }

  private expression_(bindingPower = 0): Node {
    this.enter();
    try {
      return this.expressionBody(bindingPower);
    } finally {
      this.frames--;
    }
  }

  private enter(): void {
    if (++this.frames > MAX_PYTHON_FRAMES) throw new QueryCompileError('maximum recursion depth exceeded');
  }

  /** A parsing function that calls back into expression_ (one more Python frame). */
  private nested<T>(parse: () => T): T {
    this.enter();
    try {
      return parse();
    } finally {
      this.frames--;
    }
  }

  private expressionBody(bindingPower: number): Node {
    const leftToken = this.lookaheadToken(0);
    this.advance();
    let left = this.nested(() => this.nud(leftToken));
    let currentType = this.current();
    while (bindingPower < BINDING_POWER[currentType]!) {
      if (!LED_TOKENS.has(currentType)) this.parseError(this.lookaheadToken(0), 'invalid token');
      this.advance();
      const leftSoFar = left;
      left = this.nested(() => this.led(currentType, leftSoFar));
      currentType = this.current();
    }
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return node('literal', [], token.value);
      case 'unquoted_identifier':
        return node('field', [], token.value);
      case 'quoted_identifier': {
        if (this.current() === 'lparen') {
          const t = this.lookaheadToken(0);
          this.parseError({ ...t, start: 0 }, 'Quoted identifier not allowed for function names.');
        }
        return node('field', [], token.value);
      }
      case 'star': {
        const right = this.current() === 'rbracket' ? node('identity') : this.parseProjectionRhs(BINDING_POWER.star!);
        return node('value_projection', [node('identity'), right]);
      }
      case 'filter':
        return this.nested(() => this.ledFilter(node('identity')));
      case 'lbrace':
        return this.parseMultiSelectHash();
      case 'lparen': {
        const expression = this.expression_();
        this.match('rparen');
        return expression;
      }
      case 'flatten': {
        const left = node('flatten', [node('identity')]);
        return node('projection', [left, this.parseProjectionRhs(BINDING_POWER.flatten!)]);
      }
      case 'not':
        return node('not_expression', [this.expression_(BINDING_POWER.not!)]);
      case 'lbracket': {
        const type = this.current();
        if (type === 'number' || type === 'colon') {
          return this.projectIfSlice(node('identity'), this.parseIndexExpression());
        }
        if (type === 'star' && this.lookahead(1) === 'rbracket') {
          this.advance();
          this.advance();
          return node('projection', [node('identity'), this.parseProjectionRhs(BINDING_POWER.star!)]);
        }
        return this.parseMultiSelectList();
      }
      case 'current':
        return node('current');
      case 'expref':
        return node('expref', [this.expression_(BINDING_POWER.expref!)]);
      case 'eof':
        return this.incomplete();
      default:
        return this.parseError(token, 'invalid token');
    }
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case 'dot': {
        if (this.current() !== 'star') {
          const right = this.parseDotRhs(BINDING_POWER.dot!);
          if (left.type === 'subexpression') {
            left.children.push(right);
            return left;
          }
          return node('subexpression', [left, right]);
        }
        this.advance();
        return node('value_projection', [left, this.parseProjectionRhs(BINDING_POWER.dot!)]);
      }
      case 'pipe':
        return node('pipe', [left, this.expression_(BINDING_POWER.pipe!)]);
      case 'or':
        return node('or_expression', [left, this.expression_(BINDING_POWER.or!)]);
      case 'and':
        return node('and_expression', [left, this.expression_(BINDING_POWER.and!)]);
      case 'lparen':
        return this.ledFunction(left);
      case 'filter':
        return this.ledFilter(left);
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return node('comparator', [left, this.nested(() => this.expression_(BINDING_POWER[type]!))], type);
      case 'flatten':
        return node('projection', [node('flatten', [left]), this.parseProjectionRhs(BINDING_POWER.flatten!)]);
      case 'lbracket': {
        const t = this.lookaheadToken(0);
        if (t.type === 'number' || t.type === 'colon') {
          const right = this.parseIndexExpression();
          if (left.type === 'index_expression') {
            left.children.push(right);
            return left;
          }
          return this.projectIfSlice(left, right);
        }
        this.match('star');
        this.match('rbracket');
        return node('projection', [left, this.parseProjectionRhs(BINDING_POWER.star!)]);
      }
    }
    throw new Error(`no led for ${type}`);
  }

  private ledFunction(left: Node): Node {
    if (left.type !== 'field') {
      const name = this.lookaheadToken(-2);
      this.parseError(name, `Invalid function name '${tokenText(name.value)}'`);
    }
    const args: Node[] = [];
    while (this.current() !== 'rparen') {
      const expression = this.expression_();
      if (this.current() === 'comma') this.match('comma');
      args.push(expression);
    }
    this.match('rparen');
    return node('function_expression', args, left.value);
  }

  private ledFilter(left: Node): Node {
    const condition = this.expression_(0);
    this.match('rbracket');
    const right = this.current() === 'flatten' ? node('identity') : this.parseProjectionRhs(BINDING_POWER.filter!);
    return node('filter_projection', [left, right, condition]);
  }

  private parseIndexExpression(): Node {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.parseSliceExpression();
    const index = node('index', [], this.lookaheadToken(0).value);
    this.advance();
    this.match('rbracket');
    return index;
  }

  private parseSliceExpression(): Node {
    const parts: Array<bigint | null> = [null, null, null];
    let index = 0;
    let type = this.current();
    while (type !== 'rbracket' && index < 3) {
      if (type === 'colon') {
        index++;
        if (index === 3) this.parseError(this.lookaheadToken(0), 'syntax error');
        this.advance();
      } else if (type === 'number') {
        parts[index] = this.lookaheadToken(0).value as bigint;
        this.advance();
      } else {
        this.parseError(this.lookaheadToken(0), 'syntax error');
      }
      type = this.current();
    }
    this.match('rbracket');
    return node('slice', [], parts);
  }

  private projectIfSlice(left: Node, right: Node): Node {
    return this.nested(() => this.projectIfSliceBody(left, right));
  }

  private projectIfSliceBody(left: Node, right: Node): Node {
    const indexExpression = node('index_expression', [left, right]);
    if (right.type === 'slice') {
      return node('projection', [indexExpression, this.parseProjectionRhs(BINDING_POWER.star!)]);
    }
    return indexExpression;
  }

  private parseMultiSelectList(): Node {
    return this.nested(() => this.parseMultiSelectListBody());
  }

  private parseMultiSelectListBody(): Node {
    const expressions: Node[] = [];
    for (;;) {
      expressions.push(this.expression_());
      if (this.current() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return node('multi_select_list', expressions);
  }

  private parseMultiSelectHash(): Node {
    return this.nested(() => this.parseMultiSelectHashBody());
  }

  private parseMultiSelectHashBody(): Node {
    const pairs: Node[] = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      this.matchMultiple(['quoted_identifier', 'unquoted_identifier']);
      this.match('colon');
      const value = this.expression_(0);
      pairs.push(node('key_val_pair', [value], keyToken.value));
      if (this.current() === 'comma') this.match('comma');
      else if (this.current() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return node('multi_select_dict', pairs);
  }

  private parseProjectionRhs(bindingPower: number): Node {
    return this.nested(() => this.parseProjectionRhsBody(bindingPower));
  }

  private parseProjectionRhsBody(bindingPower: number): Node {
    const type = this.current();
    if (BINDING_POWER[type]! < PROJECTION_STOP) return node('identity');
    if (type === 'lbracket' || type === 'filter') return this.expression_(bindingPower);
    if (type === 'dot') {
      this.match('dot');
      return this.parseDotRhs(bindingPower);
    }
    return this.parseError(this.lookaheadToken(0), 'syntax error');
  }

  private parseDotRhs(bindingPower: number): Node {
    return this.nested(() => this.parseDotRhsBody(bindingPower));
  }

  private parseDotRhsBody(bindingPower: number): Node {
    const type = this.current();
    if (type === 'quoted_identifier' || type === 'unquoted_identifier' || type === 'star') {
      return this.expression_(bindingPower);
    }
    if (type === 'lbracket') {
      this.match('lbracket');
      return this.parseMultiSelectList();
    }
    if (type === 'lbrace') {
      this.match('lbrace');
      return this.parseMultiSelectHash();
    }
    const t = this.lookaheadToken(0);
    const allowed = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
    return this.parseError(t, `Expecting: ${allowed}, got: ${t.type}`);
  }

  private match(type: string): void {
    if (this.current() === type) this.advance();
    else this.errorMaybeEof(type, this.lookaheadToken(0));
  }

  private matchMultiple(types: string[]): void {
    if (!types.includes(this.current())) {
      this.errorMaybeEof(`[${types.map((t) => `'${t}'`).join(', ')}]`, this.lookaheadToken(0));
    }
    this.advance();
  }

  private errorMaybeEof(expected: string, token: Token): never {
    if (token.type === 'eof') return this.incomplete();
    return this.parseError(token, `Expecting: ${expected}, got: ${token.type}`);
  }

  private advance(): void {
    this.index++;
  }

  private current(): string {
    return this.lookahead(0);
  }

  private lookahead(n: number): string {
    return this.lookaheadToken(n).type;
  }

  /** Python list indexing: negative offsets count from the end. */
  private lookaheadToken(n: number): Token {
    const i = this.index + n;
    const token = this.tokens[i < 0 ? this.tokens.length + i : i];
    // Python would raise IndexError; the grammar never gets here (eof stops every rule first)
    if (!token) throw new QueryCompileError('list index out of range');
    return token;
  }

  private parseError(token: Token, reason: string): never {
    const position = token.start;
    throw new QueryCompileError(
      `${reason}: Parse error at column ${position}, token "${tokenText(token.value)}" ` +
        `(${token.type.toUpperCase()}), for expression:\n"${this.expression}"\n${' '.repeat(position + 1)}^`,
    );
  }

  private incomplete(): never {
    const position = Array.from(this.expression).length;
    throw new QueryCompileError(
      `Invalid jmespath expression: Incomplete expression:\n"${this.expression}"\n${' '.repeat(position + 1)}^`,
    );
  }
}

const LED_TOKENS = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket']);

/** str() of a token's value, as Python formats it into the message. */
function tokenText(value: TokenValue): string {
  return typeof value === 'bigint' ? value.toString() : pyStr(value as PyValue);
}
