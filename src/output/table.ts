// `--output table`: the real CLI's box layout (awscli/table.py and the TableFormatter in
// formatter.py). A response becomes sections — a title line, an optional header row and rows —
// nested objects become indented sections framed by `|`, columns share the width of the widest
// section, and when that is wider than the terminal, single-row sections turn into key/value
// rows. Widths count East Asian wide and ambiguous characters as two columns, like Python's
// unicodedata does.
//
// Why not cli-table3: its tables are laid out per table with its own borders, padding and
// width rules (and it measures ambiguous-width and combining characters differently), while
// this layout needs the CLI's exact arithmetic: centred titles, column widths scaled to a
// common total with Python's round(), the `|` indentation of nested sections, and the colour
// codes colorama adds after every write. None of that can be configured into cli-table3, so
// the layout is written out here; the data preparation mirrors the CLI step by step so that
// its failures (e.g. `Row should have 2 elements, instead it has 1`) happen at the same points.
import { PyError, pyStr, pyTypeName, compareStrings, isContainer, type PyDict, type PyValue } from './value';
import { textWidth } from './wide-chars';
import { pyRound } from '../util/python';

export interface TableOptions {
  readonly title: string;
  /** Row values in bright blue and indentation bars in dim yellow (ColorizedStyler). */
  readonly colorize: boolean;
  /** colorama's autoreset: `ESC[0m` after every write (only when writing to stdout itself). */
  readonly resetAfterWrites: boolean;
  readonly terminalWidth: number;
}

const RESET = '\x1b[0m';

export function formatTable(data: PyValue, options: TableOptions): { text: string; error?: PyError } {
  const table = new MultiTable(options.terminalWidth);
  try {
    if (!build(table, options.title, data, 0)) return { text: '' };
  } catch (error) {
    if (error instanceof PyError) return { text: '', error };
    throw error;
  }
  const out: string[] = [];
  const write = (text: string) => {
    out.push(text);
    if (options.resetAfterWrites) out.push(RESET);
  };
  table.render(write, options.colorize);
  return { text: out.join('') };
}

// ---- from data to sections (formatter.py's TableFormatter) ------------------------------

const isScalar = (value: PyValue) => !isContainer(value);

/** Python truthiness. */
function truthy(value: PyValue): boolean {
  if (value === null || value === false || value === '' || value === 0n || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  return true;
}

function build(table: MultiTable, title: string | null, current: PyValue, indent: number): boolean {
  if (!truthy(current)) return false;
  if (title !== null) table.newSection(title, indent);
  if (Array.isArray(current)) {
    if (current[0] instanceof Map) {
      buildFromList(table, current, indent, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        else if (iterate(item).every(isScalar)) table.addRow(iterate(item));
        else build(table, null, item, 0);
      }
    }
  }
  if (current instanceof Map) buildFromDict(table, current, indent);
  return true;
}

/** What a Python `for` over a list or dict yields. */
function iterate(value: PyValue): PyValue[] {
  return Array.isArray(value) ? value : [...(value as PyDict).keys()];
}

function buildFromDict(table: MultiTable, current: PyDict, indent: number): void {
  const { headers, more } = groupScalarKeys(current);
  if (headers.length === 1) {
    table.addRow([headers[0]!, current.get(headers[0] as string)!]);
  } else if (headers.length) {
    table.addRowHeader(headers);
    table.addRow(headers.map((k) => current.get(k as string)!));
  }
  for (const remaining of more) build(table, remaining as string, current.get(remaining as string)!, indent + 1);
}

function buildFromList(table: MultiTable, current: PyValue[], indent: number, title: string | null): void {
  const headerSet: PyValue[] = [];
  const moreSet: PyValue[] = [];
  for (const item of current) {
    const { headers, more } = groupScalarKeys(item);
    for (const h of headers) if (!headerSet.includes(h)) headerSet.push(h);
    for (const m of more) if (!moreSet.includes(m)) moreSet.push(m);
  }
  const headers = pySorted(headerSet);
  const more = pySorted(moreSet);
  table.addRowHeader(headers);
  let first = true;
  for (const element of current) {
    if (!first && more.length) {
      table.newSection(title, indent);
      table.addRowHeader(headers);
    }
    first = false;
    // Python only calls element.get() when there are headers to look up
    if (headers.length && !(element instanceof Map)) throw new PyError(`'${pyTypeName(element)}' object has no attribute 'get'`);
    table.addRow(headers.map((h) => (typeof h === 'string' && (element as PyDict).has(h) ? (element as PyDict).get(h)! : '')));
    for (const remaining of more) {
      if (contains(element, remaining)) build(table, remaining as string, item(element, remaining), indent + 1);
    }
  }
}

/** Python's `key in container` for what a list of objects may hold. */
function contains(container: PyValue, key: PyValue): boolean {
  if (container instanceof Map) return typeof key === 'string' && container.has(key);
  if (Array.isArray(container)) return container.some((el) => el === key);
  if (typeof container === 'string') return typeof key === 'string' && container.includes(key);
  throw new PyError(`argument of type '${pyTypeName(container)}' is not iterable`);
}

/** Python's `container[key]` for a key found by contains(). */
function item(container: PyValue, key: PyValue): PyValue {
  if (container instanceof Map) return container.get(key as string)!;
  if (Array.isArray(container)) throw new PyError(`list indices must be integers or slices, not ${pyTypeName(key)}`);
  throw new PyError("string indices must be integers, not 'str'");
}

/** Keys with scalar values and keys with nested values, each sorted (Python's iteration of `current`). */
function groupScalarKeys(current: PyValue): { headers: PyValue[]; more: PyValue[] } {
  const headers: PyValue[] = [];
  const more: PyValue[] = [];
  const place = (key: PyValue, value: PyValue) => (isScalar(value) ? headers : more).push(key);
  if (current instanceof Map) {
    for (const [key, value] of current) place(key, value);
  } else if (Array.isArray(current)) {
    for (const element of current) {
      if (typeof element !== 'bigint' && typeof element !== 'boolean') {
        throw new PyError(`list indices must be integers or slices, not ${pyTypeName(element)}`);
      }
      if (typeof element === 'bigint' && (element > 2n ** 63n - 1n || element < -(2n ** 63n))) {
        throw new PyError("cannot fit 'int' into an index-sized integer");
      }
      let index = typeof element === 'boolean' ? (element ? 1 : 0) : Number(element);
      if (index < 0) index += current.length;
      if (index < 0 || index >= current.length) throw new PyError('list index out of range');
      place(element, current[index]!);
    }
  } else if (typeof current === 'string') {
    if (current.length) throw new PyError("string indices must be integers, not 'str'");
  } else {
    throw new PyError(`'${pyTypeName(current)}' object is not iterable`);
  }
  return { headers: pySorted(headers), more: pySorted(more) };
}

/** sorted() of keys: strings by code point, ints (and bools) by value; a mix is Python's TypeError. */
function pySorted(keys: PyValue[]): PyValue[] {
  const numeric = (k: PyValue) => typeof k === 'bigint' || typeof k === 'boolean';
  const firstString = keys.findIndex((k) => typeof k === 'string');
  const firstNumber = keys.findIndex(numeric);
  if (firstString >= 0 && firstNumber >= 0) {
    // Python sorts a set here; small ints come first in a set's order, so a string is compared
    // with an int first (a string's hash is random per process: 1 run in 8 may differ)
    throw new PyError("'<' not supported between instances of 'str' and 'int'");
  }
  if (firstNumber >= 0) {
    const value = (k: PyValue) => (typeof k === 'boolean' ? (k ? 1n : 0n) : (k as bigint));
    return [...keys].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
  }
  return [...keys].sort((a, b) => compareStrings(a as string, b as string));
}

// ---- sections and their rendering (table.py) ------------------------------------------

/** Python's `' ' * n` (nothing for n <= 0). */
const repeat = (text: string, n: number) => (n > 0 ? text.repeat(n) : '');


class Section {
  headers: PyValue[] = [];
  rows: string[][] = [];
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  constructor(
    /** `null` is Python's None (a section of a nested list), printed nowhere but measured as "None". */
    readonly title: string | null,
    readonly indentLevel: number,
  ) {}

  addHeader(headers: PyValue[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  addRow(row: PyValue[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) {
      throw new PyError(`Row should have ${this.numCols} elements, instead it has ${row.length}`);
    }
    const formatted = row.map(pyStr);
    this.rows.push(formatted);
    this.updateMaxWidths(formatted);
  }

  private updateMaxWidths(row: PyValue[]): void {
    if (!this.maxWidths.length) {
      this.maxWidths = row.map((el) => textWidth(pyStr(el)));
      return;
    }
    row.forEach((el, i) => {
      if (i >= this.maxWidths.length) throw new PyError('list index out of range');
      this.maxWidths[i] = Math.max(textWidth(pyStr(el)), this.maxWidths[i]!);
    });
  }

  /** Column widths with padding, scaled so that they add up to maxWidth exactly. */
  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || !unscaled.length) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i]!--;
          offBy--;
        } else {
          scaled[i]!++;
          offBy++;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const border = 2;
    let total = this.columnWidths().reduce((sum, w) => sum + w + padding, 0) + border;
    total += outerPadding * 2;
    return Math.max(textWidth(this.title ?? 'None') + border + outerPadding * 2, total);
  }

  /** A single-row section as key/value rows (used when the table is wider than the terminal). */
  toVertical(): Section {
    const vertical = new Section(this.title, this.indentLevel);
    this.headers.forEach((header, i) => {
      if (i < this.rows[0]!.length) vertical.addRow([header, this.rows[0]![i]!]);
    });
    return vertical;
  }
}

class MultiTable {
  private sections: Section[] = [];
  private current?: Section;

  constructor(private readonly terminalWidth: number) {}

  newSection(title: string | null, indentLevel = 0): void {
    this.current = new Section(title, indentLevel);
    this.sections.push(this.current);
  }

  addRowHeader(headers: PyValue[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: PyValue[]): void {
    this.section().addRow(row);
  }

  private section(): Section {
    if (!this.current) throw new PyError("'NoneType' object has no attribute 'add_row'");
    return this.current;
  }

  render(write: (text: string) => void, colorize: boolean): void {
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      this.sections = this.sections.map((s) => (s.rows.length === 1 && s.headers.length ? s.toVertical() : s));
      maxWidth = this.maxWidth();
    }
    write(repeat('-', maxWidth) + '\n');
    const bar = colorize ? `\x1b[2m\x1b[33m|${RESET}` : '|';
    for (const section of this.sections) {
      // every line of a nested section is framed by one bar per level on each side
      const frame = repeat(bar, section.indentLevel);
      const writeLine = (line: string) => {
        write(frame);
        write(line);
        write(frame);
        write('\n');
      };
      renderSection(section, maxWidth - section.indentLevel * 2, writeLine, colorize);
    }
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indentLevel)));
  }
}

function renderSection(section: Section, maxWidth: number, writeLine: (line: string) => void, colorize: boolean): void {
  if (section.title) {
    writeLine(centre(section.title, maxWidth, '|', '|'));
    if (!section.headers.length && !section.rows.length) writeLine(`+${repeat('-', maxWidth - 2)}+`);
  }
  if (section.headers.length) {
    const widths = section.columnWidths(4, maxWidth);
    const cells = widths.map((width, i) => (i < section.headers.length ? centre(pyStr(section.headers[i]!), width, i === 0 ? '|' : '', '|') : ''));
    writeLine(lineBreak(widths));
    writeLine(cells.join(''));
  }
  if (section.rows.length) {
    const widths = section.columnWidths(4, maxWidth);
    if (!widths.length) return;
    writeLine(lineBreak(widths));
    for (const row of section.rows) {
      const cells = widths.map((width, i) => {
        if (i >= row.length) return '';
        const text = colorize ? `\x1b[1m\x1b[34m${row[i]}${RESET}` : row[i]!;
        return alignLeft(text, textWidth(row[i]!), width, i === 0 ? '|' : '', '|');
      });
      writeLine(cells.join(''));
    }
    writeLine(lineBreak(widths));
  }
}

function centre(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = textWidth(text);
  const start = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const soFar = textWidth(leftEdge) + start + textLength;
  return leftEdge + repeat(' ', start) + text + repeat(' ', length - textWidth(rightEdge) - soFar) + rightEdge;
}

function alignLeft(text: string, textLength: number, length: number, leftEdge: string, rightEdge: string): string {
  const padding = length - (textLength + 2 + textWidth(leftEdge) + textWidth(rightEdge)) >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLength;
  return leftEdge + repeat(' ', padding) + text + repeat(' ', length - soFar - rightEdge.length) + rightEdge;
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${repeat('-', w - 2)}+` : `${repeat('-', w - 1)}+`)).join('');
}
