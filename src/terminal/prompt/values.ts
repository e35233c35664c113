// The live values the prompt offers for --ipam-pool-id, --ipam-pool-allocation-id and --cidr.
// They are looked up as the command itself would call EC2 (call/lookups.ts), with the global
// options on the line being edited and the run's configuration. Answers are kept for the prompt's
// lifetime; a lookup runs in the background and the menu is refreshed when it ends.
import type { Candidate } from '../../completion/complete';
import type { ParsedLine } from '../../completion/complete';
import { createSession } from '../../config/session';
import { flagOf } from '../../model/names';
import { globalDest, globalOptions, type Globals } from '../../model/globals';
import { releaseIpamPoolAllocation as operation } from '../../model/operation';
import type { AllocationInfo, LookupTarget, PoolInfo } from '../../call/lookups';
import type { RunContext } from '../../runtime/context';

const POOL_FLAG = flagOf('IpamPoolId');
const ALLOCATION_FLAG = flagOf('IpamPoolAllocationId');
const CIDR_FLAG = flagOf('Cidr');

/** The value given for `flag` on the line (last one wins; `--flag=value` too). */
export function valueOf(words: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  words.forEach((word, i) => {
    if (word === flag && i + 1 < words.length && !words[i + 1]!.startsWith('--')) value = words[i + 1];
    else if (word.startsWith(`${flag}=`)) value = word.slice(flag.length + 1);
  });
  return value;
}

/** The global options the line gives, read with the model's table (a value that is not a choice is left out). */
export function globalsInWords(words: readonly string[]): Globals {
  const globals: Record<string, unknown> = {};
  for (const option of globalOptions) {
    if (option.kind === 'flag') {
      if (words.includes(option.flag)) globals[globalDest(option.flag)] = !option.flag.startsWith('--no-');
      continue;
    }
    const value = valueOf(words, option.flag);
    if (value !== undefined && (!option.choices || option.choices.includes(value))) globals[globalDest(option.flag)] = value;
  }
  return globals as Globals;
}

/**
 * Where the command on the line would call, or why it cannot be asked: its profile does not exist,
 * or it has no Region (the prompt never waits for instance metadata to find one).
 */
export function lookupTarget(words: readonly string[], ctx: RunContext): LookupTarget | { readonly why: string } {
  const globals = globalsInWords(words);
  try {
    const session = createSession(ctx, globals.profile || undefined);
    if (!session.region(globals.region)) return { why: 'no Region' };
    return { service: operation.service, session, globals };
  } catch {
    return { why: `no profile ${globals.profile ?? ''}`.trim() };
  }
}

type Answer =
  | { kind: 'pools'; pools: PoolInfo[] }
  | { kind: 'allocations'; allocations: AllocationInfo[] }
  /** The lookup failed: nothing to offer, and no second try during this prompt. */
  | { kind: 'none'; why: string };

export class LiveValues {
  private readonly answers = new Map<string, Answer>();
  private readonly running = new Set<string>();

  constructor(
    private readonly run: RunContext,
    /** Called when a lookup has ended (with or without values). */
    private readonly onAnswer: () => void,
  ) {}

  /** Whether a lookup is under way. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /**
   * Why the option last asked about has no live values (no credentials, endpoint unreachable,
   * access denied, no pools…), for the status line; undefined when it has some, or is not
   * looked up, or the answer is not in yet. (2.33.31's prompt says nothing.)
   */
  get status(): string | undefined {
    return this.lastStatus;
  }

  private lastStatus: string | undefined;

  /** Values for the option being typed, or undefined (not a looked-up option, or not known yet). */
  candidates(parsed: ParsedLine, words: readonly string[]): Candidate[] | undefined {
    this.lastStatus = undefined;
    const values = this.lookUp(parsed, words);
    if (typeof values === 'string') {
      this.lastStatus = `no values: ${values}`;
      return undefined;
    }
    return values;
  }

  /** The values, or why there are none (a string), or undefined. */
  private lookUp(parsed: ParsedLine, words: readonly string[]): Candidate[] | string | undefined {
    const flag = parsed.param?.flag;
    if (flag !== POOL_FLAG && flag !== ALLOCATION_FLAG && flag !== CIDR_FLAG) return undefined;
    const target = lookupTarget(words, this.run);
    if ('why' in target) return target.why;
    // the same global options ask the same endpoint with the same credentials
    const where = JSON.stringify(target.globals);
    if (flag === POOL_FLAG) {
      const answer = this.answer(where, () => this.fetchPools(target));
      if (answer?.kind === 'none') return answer.why;
      if (answer?.kind !== 'pools') return undefined;
      return answer.pools.length ? answer.pools.map(poolCandidate) : 'no IPAM pools';
    }
    const pool = valueOf(words, POOL_FLAG);
    if (!pool) return `give ${POOL_FLAG} first`;
    const answer = this.answer(JSON.stringify([where, pool]), () => this.fetchAllocations(target, pool));
    if (answer?.kind === 'none') return answer.why;
    if (answer?.kind !== 'allocations') return undefined;
    if (!answer.allocations.length) return `no allocations in ${pool}`;
    return flag === ALLOCATION_FLAG
      ? allocationCandidates(answer.allocations, valueOf(words, CIDR_FLAG))
      : cidrCandidates(answer.allocations, valueOf(words, ALLOCATION_FLAG));
  }

  private answer(key: string, fetch: () => Promise<Answer>): Answer | undefined {
    const known = this.answers.get(key);
    if (known || this.running.has(key)) return known;
    this.running.add(key);
    fetch()
      .catch((): Answer => ({ kind: 'none', why: 'the lookup failed' }))
      .then((answer) => {
        this.running.delete(key);
        this.answers.set(key, answer);
        this.onAnswer();
      });
    return undefined;
  }

  private async fetchPools(target: LookupTarget): Promise<Answer> {
    const { listPools, whyNoValues } = await import('../../call/lookups');
    try {
      return { kind: 'pools', pools: await listPools(target) };
    } catch (error) {
      return { kind: 'none', why: whyNoValues(error) };
    }
  }

  private async fetchAllocations(target: LookupTarget, pool: string): Promise<Answer> {
    const { listAllocations, whyNoValues } = await import('../../call/lookups');
    try {
      return { kind: 'allocations', allocations: await listAllocations(target, pool) };
    } catch (error) {
      return { kind: 'none', why: whyNoValues(error) };
    }
  }
}

function poolCandidate(pool: PoolInfo): Candidate {
  const meta = [pool.locale, pool.state, pool.description].filter(Boolean).join('  ');
  return { name: pool.id, meta };
}

/** Allocation IDs, the one holding the chosen CIDR first. */
function allocationCandidates(allocations: readonly AllocationInfo[], cidr: string | undefined): Candidate[] {
  const sorted = [...allocations].sort((a, b) => Number(b.cidr === cidr) - Number(a.cidr === cidr));
  return sorted.map((a) => ({ name: a.id, meta: [a.cidr, a.resourceType].filter(Boolean).join('  ') }));
}

/** CIDRs of the pool's allocations, the chosen allocation's first. */
function cidrCandidates(allocations: readonly AllocationInfo[], allocation: string | undefined): Candidate[] {
  const sorted = [...allocations].sort((a, b) => Number(b.id === allocation) - Number(a.id === allocation));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const a of sorted) {
    if (!a.cidr || seen.has(a.cidr)) continue;
    seen.add(a.cidr);
    out.push({ name: a.cidr, meta: a.id });
  }
  return out;
}
