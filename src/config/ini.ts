// A reader for the AWS config and credentials files with the rules of Python's configparser
// (RawConfigParser), which botocore uses: `[section]` headers, `key = value` or `key: value`,
// `#`/`;` comment lines, indented continuation lines, nested `key =` blocks (s3 = / services).

export type IniValue = string | Record<string, string>;
export type IniSections = Map<string, Map<string, IniValue>>;

export class IniParseError extends Error {}

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  const raw = new Map<string, Map<string, string>>();
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' ) {
      // blank lines keep a multi-line value going (configparser joins them with newlines)
      if (current && lastKey !== undefined) current.set(lastKey, current.get(lastKey)! + '\n');
      continue;
    }
    if (/^[#;]/.test(trimmed) && !/^\s/.test(line)) continue;
    if (/^\s/.test(line) && current && lastKey !== undefined) {
      if (/^[#;]/.test(trimmed)) continue;
      current.set(lastKey, current.get(lastKey)! + '\n' + trimmed);
      continue;
    }
    const header = /^\[(.+)\]/.exec(line);
    if (header) {
      const name = header[1]!;
      current = raw.get(name) ?? new Map();
      raw.set(name, current);
      lastKey = undefined;
      continue;
    }
    if (!current) throw new IniParseError('no section header');
    const m = /^([^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (!m || m[1]!.trim() === '') throw new IniParseError('bad line');
    lastKey = m[1]!.trim().toLowerCase();
    current.set(lastKey, m[2]!.trim());
  }
  for (const [name, values] of raw) {
    const parsed = new Map<string, IniValue>();
    for (const [key, value] of values) {
      const v = value.replace(/\n+$/, '');
      parsed.set(key, v.startsWith('\n') ? parseNested(v) : v);
    }
    sections.set(name, parsed);
  }
  return sections;
}

function parseNested(value: string): Record<string, string> {
  const nested: Record<string, string> = {};
  for (const line of value.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq === -1) throw new IniParseError('bad nested line');
    nested[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
  }
  return nested;
}
