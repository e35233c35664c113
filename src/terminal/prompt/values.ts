// The live values the prompt offers for --ipam-pool-id, --ipam-pool-allocation-id and --cidr.
// Where to ask is read from the line being edited (--region, --endpoint-url, --profile,
// --no-sign-request) and the configuration, as the command itself would. Answers are kept for
// the prompt's lifetime; a lookup runs in the background and the menu is refreshed when it ends.
import type { Candidate } from '../../completion/complete';
import type { ParsedLine } from '../../completion/complete';
import { configuredEndpoint } from '../../config/client-settings';
import { createSession } from '../../config/session';
import { flagOf } from '../../model/names';
import { globalFlags } from '../../model/globals';
import { releaseIpamPoolAllocation as operation } from '../../model/operation';
import type { AllocationInfo, LookupSettings, PoolInfo } from './live';
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

export function lookupSettings(words: readonly string[], ctx: RunContext): LookupSettings | undefined {
  const profile = valueOf(words, globalFlags.profile);
  try {
    const session = createSession(ctx, profile);
    const region = valueOf(words, globalFlags.region) ?? session.region(undefined);
    if (!region) return undefined;
    const endpointUrl = valueOf(words, globalFlags.endpointUrl) ?? configuredEndpoint(session, operation.service);
    return { region, endpointUrl, profile, signRequest: !words.includes(globalFlags.noSignRequest) };
  } catch {
    return undefined;
  }
}

type Answer =
  | { kind: 'pools'; pools: PoolInfo[] }
  | { kind: 'allocations'; allocations: AllocationInfo[] }
  /** The lookup failed: nothing to offer, and no second try during this prompt. */
  | { kind: 'none' };

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

  /** Values for the option being typed, or undefined (not a looked-up option, or not known yet). */
  candidates(parsed: ParsedLine, words: readonly string[]): Candidate[] | undefined {
    const flag = parsed.param?.flag;
    if (flag !== POOL_FLAG && flag !== ALLOCATION_FLAG && flag !== CIDR_FLAG) return undefined;
    const settings = lookupSettings(words, this.run);
    if (!settings) return undefined;
    if (flag === POOL_FLAG) {
      const answer = this.answer(JSON.stringify(settings), () => this.fetchPools(settings));
      return answer?.kind === 'pools' ? answer.pools.map(poolCandidate) : undefined;
    }
    const pool = valueOf(words, POOL_FLAG);
    if (!pool) return undefined;
    const answer = this.answer(JSON.stringify([settings, pool]), () => this.fetchAllocations(settings, pool));
    if (answer?.kind !== 'allocations') return undefined;
    return flag === ALLOCATION_FLAG
      ? allocationCandidates(answer.allocations, valueOf(words, CIDR_FLAG))
      : cidrCandidates(answer.allocations, valueOf(words, ALLOCATION_FLAG));
  }

  private answer(key: string, fetch: () => Promise<Answer>): Answer | undefined {
    const known = this.answers.get(key);
    if (known || this.running.has(key)) return known;
    this.running.add(key);
    fetch()
      .catch((): Answer | undefined => undefined)
      .then((answer) => {
        this.running.delete(key);
        this.answers.set(key, answer ?? { kind: 'none' });
        this.onAnswer();
      });
    return undefined;
  }

  private async fetchPools(settings: LookupSettings): Promise<Answer> {
    const { listPools } = await import('./live');
    return { kind: 'pools', pools: await listPools(settings) };
  }

  private async fetchAllocations(settings: LookupSettings, pool: string): Promise<Answer> {
    const { listAllocations } = await import('./live');
    return { kind: 'allocations', allocations: await listAllocations(settings, pool) };
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
