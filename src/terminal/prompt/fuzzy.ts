// The prompt's filter: the typed letters must appear in order (not necessarily together, any
// case); the closest, leftmost matches come first. "rpa" finds --ipam-pool-allocation-id.
import type { Candidate, Filter } from '../../completion/complete';

interface Scored {
  readonly span: number;
  readonly start: number;
  readonly candidate: Candidate;
}

/** The leftmost match of `letters` in `text` and its shortest span from there, if any. */
function bestMatch(letters: string, text: string): { start: number; span: number } | undefined {
  for (let start = text.indexOf(letters[0]!); start !== -1; start = text.indexOf(letters[0]!, start + 1)) {
    let k = 1;
    let j = start + 1;
    while (k < letters.length && j < text.length) {
      if (text[j] === letters[k]) k++;
      j++;
    }
    if (k === letters.length) return { start, span: j - start };
    return undefined; // a later start cannot match when this one ran out of text
  }
  return undefined;
}

export const fuzzyFilter: Filter = (prefix, candidates) => {
  if (!prefix || !candidates.length) return [...candidates];
  const letters = prefix.toLowerCase();
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    const match = bestMatch(letters, (candidate.display ?? candidate.name).toLowerCase());
    if (match) scored.push({ ...match, candidate });
  }
  const key = (c: Candidate) => c.display ?? '';
  return scored
    .sort(
      (a, b) =>
        a.span - b.span ||
        a.start - b.start ||
        compare(key(a.candidate), key(b.candidate)) ||
        compare(a.candidate.name, b.candidate.name),
    )
    .map((s) => s.candidate);
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
