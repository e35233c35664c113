// Python's shlex.split() (POSIX mode), which botocore uses for `[profile "a b"]` section names
// and to split `credential_process` into argv.

export class ShlexError extends Error {}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (WHITESPACE.has(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new ShlexError('No escaped character');
      word = (word ?? '') + text[i + 1];
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) throw new ShlexError('No closing quotation');
      word = (word ?? '') + text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let part = '';
      for (;;) {
        if (j >= text.length) throw new ShlexError('No closing quotation');
        const d = text[j]!;
        if (d === '"') break;
        if (d === '\\' && j + 1 < text.length && (text[j + 1] === '"' || text[j + 1] === '\\')) {
          part += text[j + 1];
          j += 2;
          continue;
        }
        if (d === '\\' && j + 1 >= text.length) throw new ShlexError('No escaped character');
        part += d;
        j++;
      }
      word = (word ?? '') + part;
      i = j + 1;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
