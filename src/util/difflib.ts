// The close-match suggestions of Python's difflib.get_close_matches, which the CLI uses for
// "Maybe you meant:". Same scores, same tie-breaking, so the same words in the same order.

export function findCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const b = Array.from(word);
  const b2j = indexOfB(b);
  const scored: Array<[number, string]> = [];
  for (const x of possibilities) {
    const a = Array.from(x);
    const total = a.length + b.length;
    if (ratioOf(Math.min(a.length, b.length), total) < cutoff) continue;
    if (ratioOf(multisetIntersection(a, b), total) < cutoff) continue;
    const score = ratioOf(matchingCharacters(a, b, b2j), total);
    if (score >= cutoff) scored.push([score, x]);
  }
  // heapq.nlargest on (score, word) tuples: highest score first, ties by the larger word
  scored.sort((p, q) => q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}

function ratioOf(matches: number, length: number): number {
  return length ? (2 * matches) / length : 1;
}

function indexOfB(b: string[]): Map<string, number[]> {
  const b2j = new Map<string, number[]>();
  b.forEach((ch, j) => {
    const list = b2j.get(ch);
    if (list) list.push(j);
    else b2j.set(ch, [j]);
  });
  // difflib's "autojunk": in long sequences, very common elements are not used to anchor matches
  if (b.length >= 200) {
    const limit = Math.floor(b.length / 100) + 1;
    for (const [ch, list] of b2j) if (list.length > limit) b2j.delete(ch);
  }
  return b2j;
}

function multisetIntersection(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const avail = new Map<string, number>();
  let matches = 0;
  for (const ch of a) {
    const left = avail.has(ch) ? avail.get(ch)! : (counts.get(ch) ?? 0);
    avail.set(ch, left - 1);
    if (left > 0) matches++;
  }
  return matches;
}

function longestMatch(
  a: string[],
  b: string[],
  b2j: Map<string, number[]>,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let j2len = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of b2j.get(a[i]!) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (j2len.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    j2len = next;
  }
  while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
    besti--;
    bestj--;
    bestsize++;
  }
  while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
    bestsize++;
  }
  return [besti, bestj, bestsize];
}

function matchingCharacters(a: string[], b: string[], b2j: Map<string, number[]>): number {
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (!k) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}
