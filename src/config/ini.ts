// A reader for the AWS config and credentials files that follows Python 3.11's
// configparser.RawConfigParser (which botocore uses) rule for rule: `[section]` headers matched
// permissively, `key = value` / `key: value` split at the first delimiter, `#`/`;` comment lines
// (never inline comments), continuation lines indented deeper than their key, blank lines kept
// inside values, lower-cased keys, a `[DEFAULT]` section inherited by every section, and the
// strict-mode errors for duplicate sections and duplicate keys. botocore then turns values
// that start with a newline into one level of nested `key = value` pairs.

export type IniValue = string | Readonly<Record<string, string>>;
export type IniSection = ReadonlyMap<string, IniValue>;
export type IniSections = ReadonlyMap<string, IniSection>;

/** Any configparser error (botocore reports them all as "Unable to parse config file"). */
export class IniParseError extends Error {}

/** Python's str.strip() whitespace set (differs from JavaScript's trim()). */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');
const NON_SPACE = new RegExp(`[^${PY_SPACE}]`, 'u');

export function pyStrip(text: string): string {
  return text.replace(STRIP, '');
}

const SECTION = /^\[(.+)\]/su;
const OPTION = new RegExp(`^(.*?)[${PY_SPACE}]*[=:][${PY_SPACE}]*(.*)$`, 'su');

/** Parses the text of one file; section and key order is kept. */
export function parseIni(text: string, parseSubsections = true): IniSections {
  const sections = new Map<string, Map<string, string[]>>();
  const defaults = new Map<string, string[]>();
  const added = new Set<string>();
  let current: Map<string, string[]> | undefined;
  let sectionName: string | undefined;
  let optionName: string | undefined;
  let indentLevel = 0;
  let errorLine = 0;

  // universal newlines: \n, \r\n and \r end a line; the newline stays part of the line
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/gu) ?? [];
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = isComment ? '' : stripped;
    if (!value) {
      // a blank line belongs to the value being read; a comment line does not
      if (!isComment && current && optionName !== undefined) current.get(optionName)?.push('');
      return;
    }
    const firstNonSpace = line.search(NON_SPACE);
    const indent = firstNonSpace === -1 ? 0 : firstNonSpace;
    if (current && optionName && indent > indentLevel) {
      current.get(optionName)!.push(value);
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      sectionName = header[1]!;
      if (sections.has(sectionName)) {
        if (added.has(`s:${sectionName}`)) throw new IniParseError(`section ${sectionName} already exists (line ${lineNumber})`);
        current = sections.get(sectionName)!;
        added.add(`s:${sectionName}`);
      } else if (sectionName === 'DEFAULT') {
        current = defaults;
      } else {
        current = new Map();
        sections.set(sectionName, current);
        added.add(`s:${sectionName}`);
      }
      optionName = undefined;
      return;
    }
    if (!current) throw new IniParseError(`file contains no section headers (line ${lineNumber})`);
    const option = OPTION.exec(value);
    if (!option) {
      // configparser keeps reading and raises at the end; the outcome is the same
      errorLine ||= lineNumber;
      optionName = undefined;
      return;
    }
    if (!option[1]) errorLine ||= lineNumber;
    optionName = pyLower(option[1]!.replace(new RegExp(`[${PY_SPACE}]+$`, 'u'), ''));
    const key = `o:${sectionName}\u0000${optionName}`;
    if (added.has(key)) throw new IniParseError(`option ${optionName} in section ${sectionName} already exists (line ${lineNumber})`);
    added.add(key);
    current.set(optionName, [pyStrip(option[2]!)]);
  });
  if (errorLine) throw new IniParseError(`source contains parsing errors (line ${errorLine})`);

  const joined = (parts: string[]) => parts.join('\n').replace(new RegExp(`[${PY_SPACE}]+$`, 'u'), '');
  const result = new Map<string, Map<string, IniValue>>();
  for (const [name, options] of sections) {
    const section = new Map<string, IniValue>();
    const all = new Map([...options, ...[...defaults].filter(([k]) => !options.has(k))]);
    for (const [key, parts] of all) {
      const text = joined(parts);
      section.set(key, parseSubsections && text.startsWith('\n') ? parseNested(text) : text);
    }
    result.set(name, section);
  }
  return result;
}

/** Python's str.lower() for option names (full Unicode lower-casing, like toLowerCase). */
function pyLower(text: string): string {
  return text.toLowerCase();
}

/** botocore's one level of nesting: "\n a = b\n c = d" → {a: 'b', c: 'd'}. */
function parseNested(value: string): Record<string, string> {
  const nested: Record<string, string> = {};
  for (const raw of value.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/u)) {
    const line = pyStrip(raw);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq === -1) throw new IniParseError('nested value without "="');
    nested[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
  }
  return nested;
}
