// dateutil.parser.parse (python-dateutil 2.8, default parserinfo), the parser botocore reads
// credential expirations and SSO token times with: the same tokens, the same guesses for
// year/month/day, the same time-zone rules, and Python's messages when it gives up
// (ParserError, the datetime constructor's ValueError, OverflowError, TypeError).
import { PyError } from './pyerror';
import { pyTypeShort } from './python';
import { pyWarn } from './pywarnings';

/** A datetime as dateutil builds it: naive (no offset) or with a fixed UTC offset in seconds. */
export interface PyDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  /** Seconds east of UTC; undefined for a naive datetime. */
  readonly offset?: number;
}

/** datetime.utcoffset(): dateutil keeps any offset it read, Python refuses one of a day or more when it is used. */
export function utcOffsetSeconds(dt: PyDateTime): number | undefined {
  if (dt.offset !== undefined && Math.abs(dt.offset) >= 86_400) {
    throw new PyError('ValueError', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
  }
  return dt.offset;
}

/** Milliseconds since the epoch of an aware datetime (naive ones are read as UTC). */
export function epochMs(dt: PyDateTime): number {
  const utc = Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, Math.floor(dt.microsecond / 1000));
  // Date.UTC maps years 0-99 to 1900-1999
  const fixed = dt.year < 100 ? utc + (Date.UTC(dt.year + 400, 0, 1) - Date.UTC(dt.year, 0, 1) - (Date.UTC(2400, 0, 1) - Date.UTC(2000, 0, 1))) : utc;
  return fixed - (utcOffsetSeconds(dt) ?? 0) * 1000;
}

// ---- character classes (Python's str.isalpha / isdigit / isspace) ----

const ALPHA = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const PY_SPACE = new Set([...'\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000'].concat(Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i))));

const isWord = (ch: string) => ALPHA.test(ch);
const isNum = (ch: string) => DIGIT.test(ch);
const isSpace = (ch: string) => PY_SPACE.has(ch);
const isDigits = (s: string) => s.length > 0 && [...s].every(isNum);

/** The ASCII form of a run of decimal digits of any script (Python's int() reads them all). */
function asciiDigits(s: string): string {
  return [...s]
    .map((ch) => {
      let code = ch.codePointAt(0)!;
      if (code < 0x80) return ch;
      // decimal digits come in runs of ten starting at zero
      let start = code;
      while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
      return String((code - start) % 10);
    })
    .join('');
}

// ---- the lexer (_timelex) ----

function tokenize(text: string): string[] {
  const chars = [...text].filter((ch) => ch !== '\x00');
  let pos = 0;
  const pending: string[] = [];
  const out: string[] = [];
  const next = (): string | undefined => {
    if (pending.length) return pending.shift();
    let token = '';
    let state: '' | 'a' | '0' | 'a.' | '0.' = '';
    let seenLetters = false;
    while (pos < chars.length) {
      const ch = chars[pos]!;
      if (state === '') {
        token = ch;
        pos++;
        if (isWord(ch)) state = 'a';
        else if (isNum(ch)) state = '0';
        else {
          if (isSpace(ch)) token = ' ';
          break;
        }
      } else if (state === 'a') {
        seenLetters = true;
        if (isWord(ch)) token += ch;
        else if (ch === '.') {
          token += ch;
          state = 'a.';
        } else break;
        pos++;
      } else if (state === '0') {
        if (isNum(ch)) token += ch;
        else if (ch === '.' || (ch === ',' && token.length >= 2)) {
          token += ch;
          state = '0.';
        } else break;
        pos++;
      } else if (state === 'a.') {
        seenLetters = true;
        if (ch === '.' || isWord(ch)) token += ch;
        else if (isNum(ch) && token.endsWith('.')) {
          token += ch;
          state = '0.';
        } else break;
        pos++;
      } else {
        if (ch === '.' || isNum(ch)) token += ch;
        else if (isWord(ch) && token.endsWith('.')) {
          token += ch;
          state = 'a.';
        } else break;
        pos++;
      }
    }
    if (token === '' && state === '') return undefined;
    if ((state === 'a.' || state === '0.') && (seenLetters || count(token, '.') > 1 || token.endsWith('.') || token.endsWith(','))) {
      const parts = token.split(/([.,])/);
      token = parts[0]!;
      for (const part of parts.slice(1)) if (part) pending.push(part);
    }
    if (state === '0.' && !token.includes('.')) token = token.replaceAll(',', '.');
    return token;
  };
  for (let token = next(); token !== undefined; token = next()) out.push(token);
  return out;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

// ---- parserinfo ----

const lookup = (groups: readonly (readonly string[])[]) => {
  const map = new Map<string, number>();
  groups.forEach((names, i) => names.forEach((name) => map.set(name.toLowerCase(), i)));
  return map;
};
const JUMP = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);
const WEEKDAYS = lookup([['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday'], ['Sun', 'Sunday']]);
const MONTHS = lookup([['Jan', 'January'], ['Feb', 'February'], ['Mar', 'March'], ['Apr', 'April'], ['May'], ['Jun', 'June'], ['Jul', 'July'], ['Aug', 'August'], ['Sep', 'Sept', 'September'], ['Oct', 'October'], ['Nov', 'November'], ['Dec', 'December']]);
const HMS = lookup([['h', 'hour', 'hours'], ['m', 'minute', 'minutes'], ['s', 'second', 'seconds']]);
const AMPM = lookup([['am', 'a'], ['pm', 'p']]);
const UTC_ZONES = ['UTC', 'GMT', 'Z', 'z'];
const UTC_LOWER = new Set(UTC_ZONES.map((z) => z.toLowerCase()));

const jump = (s: string) => JUMP.has(s.toLowerCase());
const weekday = (s: string) => WEEKDAYS.get(s.toLowerCase());
const monthOf = (s: string | undefined) => (s === undefined ? undefined : (m => (m === undefined ? undefined : m + 1))(MONTHS.get(s.toLowerCase())));
const hms = (s: string | undefined) => (s === undefined ? undefined : HMS.get(s.toLowerCase()));
const ampm = (s: string | undefined) => (s === undefined ? undefined : AMPM.get(s.toLowerCase()));

/** The parser gave up on the string (dateutil turns this into "Unknown string format"). */
class Unparsable extends Error {}
const fail = (): never => {
  throw new Unparsable();
};

// ---- numbers: Python int() and decimal.Decimal of a token ----

/** A finite decimal number read from a token, kept exact. */
interface Dec {
  readonly int: bigint;
  /** Digits after the point ('' when none). */
  readonly frac: string;
  readonly negative: boolean;
}

function toDecimal(token: string): Dec {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(asciiDigits(token));
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return fail();
  return { int: BigInt(m[2] || '0'), frac: (m[3] ?? '').replace(/0+$/, ''), negative: m[1] === '-' };
}

/** Python's float(token) succeeds (numbers, and the words nan / inf / infinity). */
function floatable(token: string): boolean {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(asciiDigits(token)) || /^\s*[+-]?(nan|inf|infinity)\s*$/i.test(token);
}

const decValue = (d: Dec) => Number(`${d.negative ? '-' : ''}${d.int}.${d.frac || '0'}`);
const truncate = (d: Dec) => (d.negative ? -d.int : d.int);
const hasFraction = (d: Dec) => d.frac !== '';
/** int(60 * (d % 1)) exactly. */
const sixtieths = (d: Dec) => (60n * BigInt(d.frac)) / 10n ** BigInt(d.frac.length);

/** int(text) of a token: digits (any script) only. */
function pyInt(text: string): bigint {
  const ascii = asciiDigits(text.trim());
  if (!/^[+-]?\d+$/.test(ascii)) return fail();
  return BigInt(ascii);
}

// ---- the year/month/day collector (_ymd) ----

class Ymd {
  readonly values: bigint[] = [];
  centurySpecified = false;
  d?: number;
  m?: number;
  y?: number;

  get length(): number {
    return this.values.length;
  }

  couldBeDay(value: number): boolean {
    if (this.d !== undefined) return false;
    if (this.m === undefined) return value >= 1 && value <= 31;
    const month = Number(this.values[this.m]);
    const year = this.y === undefined ? 2000 : Number(this.values[this.y]);
    return value >= 1 && value <= daysInMonth(year, month);
  }

  append(value: string | Dec | bigint, label?: 'Y' | 'M' | 'D'): void {
    let int: bigint;
    if (typeof value === 'string') {
      if (isDigits(value) && [...value].length > 2) {
        this.centurySpecified = true;
        label = 'Y';
      }
      int = pyInt(value);
    } else if (typeof value === 'bigint') {
      if (value > 100n) {
        this.centurySpecified = true;
        label = 'Y';
      }
      int = value;
    } else {
      if (decValue(value) > 100) {
        this.centurySpecified = true;
        label = 'Y';
      }
      int = truncate(value);
    }
    this.values.push(int);
    const index = this.values.length - 1;
    if (label === 'M') {
      if (this.m !== undefined) fail();
      this.m = index;
    } else if (label === 'D') {
      if (this.d !== undefined) fail();
      this.d = index;
    } else if (label === 'Y') {
      if (this.y !== undefined) fail();
      this.y = index;
    }
  }

  resolve(): [bigint | undefined, bigint | undefined, bigint | undefined] {
    const v = this.values;
    const known = { y: this.y, m: this.m, d: this.d };
    const labelled = Object.entries(known).filter(([, i]) => i !== undefined) as Array<[string, number]>;
    if ((v.length === labelled.length && labelled.length > 0) || (v.length === 3 && labelled.length === 2)) {
      const index = Object.fromEntries(labelled);
      if (v.length === 3 && labelled.length === 2) {
        const missing = [0, 1, 2].find((i) => !labelled.some(([, j]) => j === i))!;
        const key = ['y', 'm', 'd'].find((k) => index[k] === undefined)!;
        index[key] = missing;
      }
      const at = (k: string) => (index[k] === undefined ? undefined : v[index[k]!]);
      return [at('y'), at('m'), at('d')];
    }
    const gt = (x: bigint | undefined, n: number) => x !== undefined && x > BigInt(n);
    const m = this.m;
    if (v.length > 3) return fail();
    if (v.length === 1 || (m !== undefined && v.length === 2)) {
      let month: bigint | undefined;
      let other: bigint;
      if (m !== undefined) {
        month = v[m];
        other = v[m === 0 ? v.length - 1 : m - 1]!;
      } else other = v[0]!;
      if (v.length > 1 || m === undefined) return gt(other, 31) ? [other, month, undefined] : [undefined, month, other];
      return [undefined, month, undefined];
    }
    if (v.length === 2) {
      if (gt(v[0], 31)) return [v[0], v[1], undefined];
      if (gt(v[1], 31)) return [v[1], v[0], undefined];
      return [undefined, v[0], v[1]];
    }
    if (v.length === 3) {
      const [a, b, c] = v as [bigint, bigint, bigint];
      if (m === 0) return gt(b, 31) ? [b, a, c] : [c, a, b];
      if (m === 1) return gt(a, 31) ? [a, b, c] : [c, b, a];
      if (m === 2) return gt(b, 31) ? [b, c, a] : [a, c, b];
      if (gt(a, 31) || this.y === 0) return [a, b, c];
      if (gt(a, 12)) return [c, b, a];
      return [c, a, b];
    }
    return [undefined, undefined, undefined];
  }
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

// ---- the parse proper (_parse and _parse_numeric_token) ----

interface Fields {
  year?: bigint;
  month?: bigint;
  day?: bigint;
  weekday?: number;
  hour?: bigint;
  minute?: bigint;
  second?: bigint;
  microsecond?: bigint;
  tzname?: string;
  tzoffset?: number;
  ampm?: number;
  centurySpecified?: boolean;
}

function parsems(value: string): [bigint, bigint] {
  if (!value.includes('.')) return [pyInt(value), 0n];
  const parts = value.split('.');
  if (parts.length !== 2) return fail();
  return [pyInt(parts[0]!), pyInt(parts[1]!.padEnd(6, '0').slice(0, 6))];
}

function minSec(value: Dec): [bigint, bigint | undefined] {
  return [truncate(value), hasFraction(value) ? sixtieths(value) : undefined];
}

function couldBeTzname(res: Fields, token: string): boolean {
  return res.hour !== undefined && res.tzname === undefined && res.tzoffset === undefined && [...token].length <= 5 && ([...token].every((c) => c >= 'A' && c <= 'Z') || UTC_ZONES.includes(token));
}

function adjustAmpm(hour: bigint, flag: number): bigint {
  if (hour < 12n && flag === 1) return hour + 12n;
  if (hour === 12n && flag === 0) return 0n;
  return hour;
}

function findHmsIndex(idx: number, tokens: string[]): number | undefined {
  if (hms(tokens[idx + 1]) !== undefined) return idx + 1;
  if (tokens[idx + 1] === ' ' && hms(tokens[idx + 2]) !== undefined) return idx + 2;
  if (idx > 0 && hms(tokens[idx - 1]) !== undefined) return idx - 1;
  if (idx > 1 && idx === tokens.length - 1 && tokens[idx - 1] === ' ' && hms(tokens[idx - 2]) !== undefined) return idx - 2;
  return undefined;
}

function numericToken(tokens: string[], idx: number, ymd: Ymd, res: Fields): number {
  const repr = tokens[idx]!;
  const value = toDecimal(repr);
  const len = [...repr].length;
  const n = tokens.length;
  if (ymd.length === 3 && (len === 2 || len === 4) && res.hour === undefined && (idx + 1 >= n || (tokens[idx + 1] !== ':' && hms(tokens[idx + 1]) === undefined))) {
    res.hour = pyInt(repr.slice(0, 2));
    if (len === 4) res.minute = pyInt(repr.slice(2));
  } else if (len === 6 || (len > 6 && repr.indexOf('.') === 6)) {
    if (ymd.length === 0 && !repr.includes('.')) {
      ymd.append(repr.slice(0, 2));
      ymd.append(repr.slice(2, 4));
      ymd.append(repr.slice(4));
    } else {
      res.hour = pyInt(repr.slice(0, 2));
      res.minute = pyInt(repr.slice(2, 4));
      [res.second, res.microsecond] = parsems(repr.slice(4));
    }
  } else if (len === 8 || len === 12 || len === 14) {
    ymd.append(repr.slice(0, 4), 'Y');
    ymd.append(repr.slice(4, 6));
    ymd.append(repr.slice(6, 8));
    if (len > 8) {
      res.hour = pyInt(repr.slice(8, 10));
      res.minute = pyInt(repr.slice(10, 12));
      if (len > 12) res.second = pyInt(repr.slice(12));
    }
  } else if (findHmsIndex(idx, tokens) !== undefined) {
    const hmsIdx = findHmsIndex(idx, tokens)!;
    let which: number;
    if (hmsIdx > idx) {
      which = hms(tokens[hmsIdx])!;
      idx = hmsIdx;
    } else which = hms(tokens[hmsIdx])! + 1;
    if (which === 0) {
      res.hour = truncate(value);
      if (hasFraction(value)) res.minute = sixtieths(value);
    } else if (which === 1) [res.minute, res.second] = minSec(value);
    else if (which === 2) [res.second, res.microsecond] = parsems(repr);
  } else if (idx + 2 < n && tokens[idx + 1] === ':') {
    res.hour = truncate(value);
    [res.minute, res.second] = minSec(toDecimal(tokens[idx + 2]!));
    if (idx + 4 < n && tokens[idx + 3] === ':') {
      [res.second, res.microsecond] = parsems(tokens[idx + 4]!);
      idx += 2;
    }
    idx += 2;
  } else if (idx + 1 < n && ['-', '/', '.'].includes(tokens[idx + 1]!)) {
    const sep = tokens[idx + 1];
    ymd.append(repr);
    if (idx + 2 < n && !jump(tokens[idx + 2]!)) {
      if (isDigits(tokens[idx + 2]!)) ymd.append(tokens[idx + 2]!);
      else {
        const month = monthOf(tokens[idx + 2]);
        if (month === undefined) fail();
        ymd.append(BigInt(month!), 'M');
      }
      if (idx + 3 < n && tokens[idx + 3] === sep) {
        if (idx + 4 >= n) fail();
        const month = monthOf(tokens[idx + 4]);
        if (month !== undefined) ymd.append(BigInt(month), 'M');
        else ymd.append(tokens[idx + 4]!);
        idx += 2;
      }
      idx += 1;
    }
    idx += 1;
  } else if (idx + 1 >= n || jump(tokens[idx + 1]!)) {
    if (idx + 2 < n && ampm(tokens[idx + 2]) !== undefined) {
      res.hour = adjustAmpm(truncate(value), ampm(tokens[idx + 2])!);
      idx += 1;
    } else ymd.append(value);
    idx += 1;
  } else if (ampm(tokens[idx + 1]) !== undefined && decValue(value) >= 0 && decValue(value) < 24) {
    res.hour = adjustAmpm(truncate(value), ampm(tokens[idx + 1])!);
    idx += 1;
  } else if (ymd.couldBeDay(decValue(value))) {
    ymd.append(value);
  } else fail();
  return idx;
}

function parseFields(text: string): Fields | undefined {
  const res: Fields = {};
  const l = tokenize(text);
  const ymd = new Ymd();
  try {
    for (let i = 0; i < l.length; i++) {
      const token = l[i]!;
      if (floatable(token)) i = numericToken(l, i, ymd, res);
      else if (weekday(token) !== undefined) res.weekday = weekday(token);
      else if (monthOf(token) !== undefined) {
        ymd.append(BigInt(monthOf(token)!), 'M');
        if (i + 1 < l.length) {
          if (l[i + 1] === '-' || l[i + 1] === '/') {
            const sep = l[i + 1];
            if (i + 2 >= l.length) fail();
            ymd.append(l[i + 2]!);
            if (i + 3 < l.length && l[i + 3] === sep) {
              if (i + 4 >= l.length) fail();
              ymd.append(l[i + 4]!);
              i += 2;
            }
            i += 2;
          } else if (i + 4 < l.length && l[i + 1] === ' ' && l[i + 3] === ' ' && l[i + 2]!.toLowerCase() === 'of') {
            if (isDigits(l[i + 4]!)) ymd.append(String(convertYear(pyInt(l[i + 4]!), false)), 'Y');
            i += 4;
          }
        }
      } else if (ampm(token) !== undefined) {
        if (res.hour === undefined || res.hour < 0n || res.hour > 12n) fail();
        res.hour = adjustAmpm(res.hour!, ampm(token)!);
        res.ampm = ampm(token);
      } else if (couldBeTzname(res, token)) {
        res.tzname = token;
        // parserinfo.tzoffset compares the name with its lower-cased table: only "z" is 0 here
        res.tzoffset = token === 'z' ? 0 : undefined;
        if (i + 1 < l.length && (l[i + 1] === '+' || l[i + 1] === '-')) {
          l[i + 1] = l[i + 1] === '+' ? '-' : '+';
          res.tzoffset = undefined;
          if (UTC_LOWER.has(token.toLowerCase())) res.tzname = undefined;
        }
      } else if (res.hour !== undefined && (token === '+' || token === '-')) {
        const sign = token === '+' ? 1 : -1;
        if (i + 1 >= l.length) fail();
        const digits = l[i + 1]!;
        const len = [...digits].length;
        let hours: bigint;
        let minutes: bigint;
        if (len === 4) {
          hours = pyInt(digits.slice(0, 2));
          minutes = pyInt(digits.slice(2));
        } else if (i + 2 < l.length && l[i + 2] === ':') {
          hours = pyInt(digits);
          if (i + 3 >= l.length) fail();
          minutes = pyInt(l[i + 3]!);
          i += 2;
        } else if (len <= 2) {
          hours = pyInt(digits.slice(0, 2));
          minutes = 0n;
        } else return fail();
        res.tzoffset = sign * Number(hours * 3600n + minutes * 60n) || 0; // no -0
        if (i + 5 < l.length && jump(l[i + 2]!) && l[i + 3] === '(' && l[i + 5] === ')' && [...l[i + 4]!].length >= 3 && couldBeTzname({ ...res, tzoffset: undefined }, l[i + 4]!)) {
          res.tzname = l[i + 4];
          i += 4;
        }
        i += 1;
      } else if (!jump(token)) fail();
    }
    const [year, month, day] = ymd.resolve();
    res.centurySpecified = ymd.centurySpecified;
    res.year = year;
    res.month = month;
    res.day = day;
  } catch (error) {
    if (error instanceof Unparsable) return undefined;
    throw error;
  }
  if (res.year !== undefined) res.year = convertYear(res.year, res.centurySpecified);
  if ((res.tzoffset === 0 && !res.tzname) || res.tzname === 'Z' || res.tzname === 'z') {
    res.tzname = 'UTC';
    res.tzoffset = 0;
  } else if (res.tzoffset !== 0 && res.tzname && UTC_LOWER.has(res.tzname.toLowerCase())) {
    res.tzoffset = 0;
  }
  return res;
}

function convertYear(year: bigint, centurySpecified = false): bigint {
  if (year < 100n && !centurySpecified) {
    const now = BigInt(new Date().getFullYear());
    year += (now / 100n) * 100n;
    if (year >= now + 50n) year -= 100n;
    else if (year < now - 50n) year += 100n;
  }
  return year;
}

// ---- building the datetime (_build_naive, _build_tzaware) ----

const INT_MAX = 2n ** 31n - 1n;
const LONG_MAX = 2n ** 63n - 1n;

/** The C int conversion of datetime.replace's arguments. */
function cInt(value: bigint): number {
  if (value > LONG_MAX || value < -LONG_MAX - 1n) throw new PyError('OverflowError', 'Python int too large to convert to C long');
  if (value > INT_MAX) throw new PyError('OverflowError', 'signed integer is greater than maximum');
  if (value < -INT_MAX - 1n) throw new PyError('OverflowError', 'signed integer is less than minimum');
  return Number(value);
}

/** What the datetime constructor refuses, in its order of checks. */
function rangeProblem(y: number, mo: number, d: number, h: number, mi: number, s: number, us: number): string | undefined {
  if (y < 1 || y > 9999) return `year ${y} is out of range`;
  if (mo < 1 || mo > 12) return 'month must be in 1..12';
  if (d < 1 || d > daysInMonth(y, mo)) return 'day is out of range for month';
  if (h < 0 || h > 23) return 'hour must be in 0..23';
  if (mi < 0 || mi > 59) return 'minute must be in 0..59';
  if (s < 0 || s > 59) return 'second must be in 0..59';
  if (us < 0 || us > 999999) return 'microsecond must be in 0..999999';
  return undefined;
}

const parserError = (message: string) => new PyError('ParserError', message);

/** dateutil.parser.parse(value): non-strings raise TypeError, strings a datetime or Python's error. */
export function dateutilParse(value: unknown, options: { gmtIsUtc?: boolean; now?: Date } = {}): PyDateTime {
  if (typeof value !== 'string') throw new PyError('TypeError', `Parser must be a string or character stream, not ${pyTypeShort(value)}`);
  const res = parseFields(value);
  if (!res) throw parserError(`Unknown string format: ${value}`);
  const set = (['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'microsecond', 'tzname', 'tzoffset', 'ampm'] as const).filter(
    (k) => res[k] !== undefined,
  );
  if (set.length === 0) throw parserError(`String does not contain a date: ${value}`);

  // the default is today at midnight, local time
  const now = options.now ?? new Date();
  const base = { year: BigInt(now.getFullYear()), month: BigInt(now.getMonth() + 1), day: BigInt(now.getDate()) };
  const pick = (v: bigint | undefined, fallback: bigint) => v ?? fallback;
  let day = res.day;
  if (day === undefined) {
    const y = pick(res.year, base.year);
    const m = pick(res.month, base.month);
    if (m < 1n || m > 12n) throw parserError(`bad month number ${m}; must be 1-12: ${value}`);
    const last = BigInt(daysInMonth(Number(y >= 1n && y <= 9999n ? y : 2000n + (y % 400n)), Number(m)));
    if (base.day > last) day = last;
  }
  const args = [pick(res.year, base.year), pick(res.month, base.month), pick(day, base.day), res.hour ?? 0n, res.minute ?? 0n, res.second ?? 0n, res.microsecond ?? 0n].map(cInt);
  const [y, mo, d, h, mi, s, us] = args as [number, number, number, number, number, number, number];
  const problem = rangeProblem(y, mo, d, h, mi, s, us);
  if (problem) throw parserError(`${problem}: ${value}`);
  let naive: PyDateTime = { year: y, month: mo, day: d, hour: h, minute: mi, second: s, microsecond: us };
  if (res.weekday !== undefined && !res.day) naive = nextWeekday(naive, res.weekday);

  if (options.gmtIsUtc && res.tzname === 'GMT') return { ...naive, offset: 0 };
  if (res.tzname && localZoneNames().includes(res.tzname)) return { ...naive, offset: localOffsetSeconds(naive) };
  if (res.tzoffset === 0) return { ...naive, offset: 0 };
  if (res.tzoffset) return { ...naive, offset: res.tzoffset };
  if (res.tzname) pyWarn(unknownTimezoneWarning(res.tzname));
  return naive;
}

/** The warning dateutil issues for a zone name it keeps but cannot use (the datetime stays naive). */
function unknownTimezoneWarning(tzname: string): string {
  return (
    '/usr/lib/python3/dist-packages/dateutil/parser/_parser.py:1207: UnknownTimezoneWarning: ' +
    `tzname ${tzname} identified but not understood.  Pass \`tzinfos\` argument in order to correctly return a timezone-aware ` +
    'datetime.  In a future version, this will raise an exception.\n  warnings.warn("tzname {tzname} identified but not understood.  "\n'
  );
}

/** relativedelta(weekday=...): the same day or the next one with that weekday (Monday is 0). */
function nextWeekday(dt: PyDateTime, wanted: number): PyDateTime {
  const date = new Date(Date.UTC(2000, dt.month - 1, dt.day));
  date.setUTCFullYear(dt.year);
  const current = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() + ((wanted - current + 7) % 7));
  return { ...dt, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** time.tzname of this process: the local zone's abbreviations (UTC on a machine without TZ). */
function localZoneNames(): string[] {
  const names = new Set<string>();
  for (const month of [0, 6]) {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(new Date(Date.UTC(2021, month, 1))).find((p) => p.type === 'timeZoneName')?.value;
    if (part) names.add(part === 'GMT' && new Date(Date.UTC(2021, month, 1)).getTimezoneOffset() === 0 ? 'UTC' : part);
  }
  return [...names];
}

function localOffsetSeconds(dt: PyDateTime): number {
  const asUtc = epochMs({ ...dt, offset: 0 });
  return -new Date(asUtc).getTimezoneOffset() * 60 || 0;
}

/** datetime.isoformat(): microseconds only when set, the offset as ±HH:MM when aware. */
export function isoformat(dt: PyDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${String(dt.year).padStart(4, '0')}-${two(dt.month)}-${two(dt.day)}T${two(dt.hour)}:${two(dt.minute)}:${two(dt.second)}`;
  const micro = dt.microsecond ? `.${String(dt.microsecond).padStart(6, '0')}` : '';
  if (dt.offset === undefined) return date + micro;
  const sign = dt.offset < 0 ? '-' : '+';
  const abs = Math.abs(dt.offset);
  const seconds = abs % 60 ? `:${two(abs % 60)}` : '';
  return `${date}${micro}${sign}${two(Math.floor(abs / 3600))}:${two(Math.floor(abs / 60) % 60)}${seconds}`;
}
