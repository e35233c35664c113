// `--output yaml` / `yaml-stream`: the bytes of ruamel.yaml's "safe" dumper as the real CLI
// configures it (block style, keys sorted, 1.2 resolver), which writes through libyaml's C
// emitter. Scalars at the top level are written as JSON instead, as the CLI does.
//
// Why not js-yaml: it picks scalar styles by other rules (block `|`/`>` scalars for multi-line
// text, other quoting decisions, YAML 1.2 core-schema resolution instead of ruamel's
// resolver), folds long lines differently, escapes differently in double quotes, and does not
// write `&id001`/`*id001` for an object that appears twice. None of that is configurable to
// libyaml's behaviour, so the representer, the resolver checks and the emitter below follow
// ruamel.yaml and libyaml 0.2.5 instead.
import { scalarJson } from './json';
import { compareStrings, PyError, PyObject, pyFloatReprLower, type PyValue } from './value';

/** `--output yaml`: a collection as YAML, a scalar as JSON. */
export function formatYaml(value: PyValue): { text: string; error?: PyError } {
  if (value instanceof PyObject) return { text: '', error: new PyError(`cannot represent an object: ${value.repr}`) };
  if (!Array.isArray(value) && !(value instanceof Map)) return { text: scalarJson(value) + '\n' };
  try {
    return { text: new Emitter().emitDocument(represent(value)) };
  } catch (error) {
    if (error instanceof PyError) return { text: '', error };
    throw error;
  }
}

// ---- representer: values to nodes (ruamel's SafeRepresenter) ----------------------------

type Tag = 'str' | 'int' | 'float' | 'bool' | 'null';

interface ScalarNode {
  readonly kind: 'scalar';
  readonly tag: Tag;
  readonly value: string;
}
interface SequenceNode {
  readonly kind: 'sequence';
  readonly items: YamlNode[];
}
interface MappingNode {
  readonly kind: 'mapping';
  readonly pairs: Array<[YamlNode, YamlNode]>;
}
type YamlNode = ScalarNode | SequenceNode | MappingNode;

function represent(root: PyValue): YamlNode {
  // lists and dicts already represented: the same object gives the same node (→ anchor/alias)
  const seen = new Map<object, YamlNode>();
  const visit = (value: PyValue): YamlNode => {
    if (value === null) return { kind: 'scalar', tag: 'null', value: 'null' };
    switch (typeof value) {
      case 'boolean':
        return { kind: 'scalar', tag: 'bool', value: value ? 'true' : 'false' };
      case 'string':
        return { kind: 'scalar', tag: 'str', value };
      case 'bigint':
        return { kind: 'scalar', tag: 'int', value: value.toString() };
      case 'number':
        return { kind: 'scalar', tag: 'float', value: floatText(value) };
    }
    if (value instanceof PyObject) throw new PyError(`cannot represent an object: ${value.repr}`);
    const known = seen.get(value);
    if (known) return known;
    if (Array.isArray(value)) {
      const node: SequenceNode = { kind: 'sequence', items: [] };
      seen.set(value, node);
      for (const item of value) node.items.push(visit(item));
      return node;
    }
    const node: MappingNode = { kind: 'mapping', pairs: [] };
    seen.set(value, node);
    for (const key of [...value.keys()].sort(compareStrings)) node.pairs.push([visit(key), visit(value.get(key)!)]);
    return node;
  };
  return visit(root);
}

function floatText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return pyFloatReprLower(value);
}

// ---- resolver: would a plain scalar read back as something other than a string? ---------

const RESOLVERS: ReadonlyArray<[string, RegExp]> = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/],
  [
    '-+0123456789.',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  ],
  ['-+0123456789', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ['<', /^(?:<<)$/],
  ['~nN', /^(?:~|null|Null|NULL|)$/],
  [
    '0123456789',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  ],
  ['=', /^(?:=)$/],
  ['!&*', /^(?:!|&|\*)$/],
];

/** Whether a plain scalar with this text resolves to the node's own tag (ruamel's 1.2 rules). */
function plainImplicit(node: ScalarNode): boolean {
  const text = node.value;
  // Python's `$` also matches before a final newline
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const first = text === '' ? '' : String.fromCodePoint(text.codePointAt(0)!);
  let detected: Tag | 'other' = 'str';
  for (const [firsts, pattern] of RESOLVERS) {
    if ((first === '' ? firsts === '~nN' : firsts.includes(first)) && (pattern.test(text) || pattern.test(body))) {
      detected = 'other';
      break;
    }
  }
  return node.tag === 'str' ? detected === 'str' : detected !== 'str';
}

// ---- emitter (libyaml 0.2.5, block style, width 80, indent 2, unicode) ------------------

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankZ = (c: number | undefined) => c === undefined || c === 0 || c === 0x20 || c === 0x09 || isBreak(c);
const isPrintable = (c: number) =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly flowPlainAllowed: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  /** UTF-8 length, which libyaml measures simple keys by. */
  readonly length: number;
}

function analyzeScalar(text: string): ScalarAnalysis {
  const chars = Array.from(text, (c) => c.codePointAt(0)!);
  const length = Buffer.byteLength(text, 'utf8');
  if (!chars.length) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, length };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (text.startsWith('---') || text.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankZ(chars[1]);
  chars.forEach((c, i) => {
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
    followedByWhitespace = isBlankZ(chars[i + 2]);
  });
  let flowPlainAllowed = true;
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    flowPlainAllowed = blockPlainAllowed = false;
  }
  if (breakSpace) flowPlainAllowed = blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) flowPlainAllowed = blockPlainAllowed = singleQuotedAllowed = false;
  if (lineBreaks) flowPlainAllowed = blockPlainAllowed = false;
  if (flowIndicators) flowPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, flowPlainAllowed, blockPlainAllowed, singleQuotedAllowed, length };
}

interface Context {
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private whitespace = true;
  private indention = true;
  private readonly anchors = new Map<YamlNode, string | null>();
  private readonly emitted = new Set<YamlNode>();
  private lastAnchorId = 0;

  emitDocument(root: YamlNode): string {
    this.assignAnchors(root);
    this.emitNode(root, { mapping: false, simpleKey: false });
    this.indent = -1;
    this.writeIndent();
    return this.out;
  }

  /** Nodes met twice get an anchor, numbered in the order their second visit happens. */
  private assignAnchors(node: YamlNode): void {
    if (node.kind === 'scalar') return;
    if (this.anchors.has(node)) {
      if (this.anchors.get(node) === null) this.anchors.set(node, `id${String(++this.lastAnchorId).padStart(3, '0')}`);
      return;
    }
    this.anchors.set(node, null);
    if (node.kind === 'sequence') node.items.forEach((item) => this.assignAnchors(item));
    else
      node.pairs.forEach(([k, v]) => {
        this.assignAnchors(k);
        this.assignAnchors(v);
      });
  }

  private emitNode(node: YamlNode, context: Context): void {
    if (node.kind === 'scalar') {
      this.emitScalar(node, context);
      return;
    }
    const anchor = this.anchors.get(node) ?? null;
    if (this.emitted.has(node)) {
      this.writeIndicator('*', true, false, false);
      this.writeRaw(anchor!);
      if (context.simpleKey) this.put(' ');
      return;
    }
    this.emitted.add(node);
    if (anchor) {
      this.writeIndicator('&', true, false, false);
      this.writeRaw(anchor);
    }
    const empty = node.kind === 'sequence' ? !node.items.length : !node.pairs.length;
    if (this.flowLevel || empty) {
      // only empty collections are written in flow style here: `[]` / `{}`
      this.writeIndicator(node.kind === 'sequence' ? '[' : '{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.indent = this.indents.pop()!;
      this.writeIndicator(node.kind === 'sequence' ? ']' : '}', false, false, false);
      return;
    }
    if (node.kind === 'sequence') {
      this.increaseIndent(false, context.mapping && !this.indention);
      for (const item of node.items) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.emitNode(item, { mapping: false, simpleKey: false });
      }
      this.indent = this.indents.pop()!;
      return;
    }
    this.increaseIndent(false, false);
    for (const [key, value] of node.pairs) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.emitNode(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { mapping: true, simpleKey: false });
    }
    this.indent = this.indents.pop()!;
  }

  private isSimpleKey(node: YamlNode): boolean {
    const anchorLength = this.anchors.get(node)?.length ?? 0;
    if (node.kind === 'scalar') {
      const analysis = analyzeScalar(node.value);
      return !analysis.multiline && analysis.length <= 128;
    }
    if (this.emitted.has(node)) return anchorLength <= 128;
    const empty = node.kind === 'sequence' ? !node.items.length : !node.pairs.length;
    return empty && anchorLength <= 128;
  }

  private emitScalar(node: ScalarNode, context: Context): void {
    const analysis = analyzeScalar(node.value);
    let style: 'plain' | 'single' | 'double' = 'plain';
    if (context.simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel && !analysis.flowPlainAllowed) || (!this.flowLevel && !analysis.blockPlainAllowed)) style = 'single';
      if (!analysis.length && (this.flowLevel || context.simpleKey)) style = 'single';
      if (!plainImplicit(node)) style = 'single';
    }
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !context.simpleKey;
    if (style === 'plain') this.writePlain(node.value, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(node.value, allowBreaks);
    else this.writeDoubleQuoted(node.value, allowBreaks);
    this.indent = this.indents.pop()!;
  }

  // -- low-level writers --

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeChar(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private writeBreakChar(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  private writeRaw(text: string): void {
    for (const ch of text) this.put(ch);
    this.whitespace = false;
    this.indention = false;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    const chars = Array.from(text, (c) => c.codePointAt(0)!);
    if (!this.whitespace && (chars.length || this.flowLevel)) this.put(' ');
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== 0x20) this.writeIndent();
        else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    const chars = Array.from(text, (c) => c.codePointAt(0)!);
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === 0x20) {
        const inside = i !== 0 && i !== chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && chars[i + 1] !== 0x20) this.writeIndent();
        else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    const chars = Array.from(text, (c) => c.codePointAt(0)!);
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    chars.forEach((c, i) => {
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const named = ESCAPES[c];
        if (named !== undefined) this.put(named);
        else {
          const [letter, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          for (const ch of letter + c.toString(16).toUpperCase().padStart(digits, '0')) this.put(ch);
        }
        spaces = false;
      } else if (c === 0x20) {
        const inside = i !== 0 && i !== chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside) {
          this.writeIndent();
          if (chars[i + 1] === 0x20) this.put('\\');
        } else this.writeChar(c);
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
}
