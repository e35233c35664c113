// The prompt's text as words, the way the command line will be split when it runs (shlex), and
// the reverse: arguments quoted so that splitting gives them back.
import { shlexSplit } from '../../util/shlex';

/** The words of a line being edited; an unfinished quote does not stop the reading. */
export function shlexWords(text: string): string[] {
  try {
    return shlexSplit(text);
  } catch {
    return text.split(/\s+/).filter(Boolean);
  }
}

const SAFE = /^[\w@%+=:,./-]+$/;

/** Python's shlex.quote: words with anything but safe characters go in single quotes. */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  if (SAFE.test(word) && /^[\x00-\x7f]*$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}
