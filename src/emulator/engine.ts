// Runs EC2 actions against the state one at a time and makes their effects durable before
// anyone hears about them. Each action runs synchronously on the in-memory state, so two requests
// never interleave (of two releases of one allocation exactly one succeeds); answers wait until a
// write of the state file that includes their effect has completed. Writes are grouped: changes
// made while a write is in flight share the next write, so throughput does not hang on fsync.
import { ACTIONS, actionResourceArn } from './actions';
import { DEFAULT_ACCOUNT_ID, mayCall, principalArn, type EmulatorCredential } from './credentials';
import { dryRunOperation, idempotentParameterMismatch, internalError, unauthorizedOperation } from './errors';
import type { Caller } from './ipam';
import { CLIENT_TOKEN_LIMIT, emptyState, type State } from './model';
import { decodeInput } from './query';
import { serializeState, type StateStore } from './store';
import { pruneXml, type XmlElement } from './xml';

interface Waiter {
  readonly version: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export interface ExecuteRequest {
  readonly action: string;
  readonly params: ReadonlyMap<string, string>;
  readonly credential: EmulatorCredential;
  readonly region: string;
}

export class Engine {
  private state: State;
  /** Counts changes applied in memory; `durableVersion` is the newest one on disk. */
  private version = 0;
  private durableVersion = 0;
  private durableJson: string;
  private writer?: Promise<void>;
  private readonly waiters: Waiter[] = [];

  constructor(
    private readonly store: StateStore,
    initial: State,
    private readonly onWriteError: (error: Error) => void = () => {},
  ) {
    this.state = initial;
    this.durableJson = serializeState(initial);
  }

  /** Runs one action; resolves with the answer's elements once its effect is durable. */
  async execute(request: ExecuteRequest): Promise<XmlElement[]> {
    const definition = ACTIONS[request.action]!;
    const input = decodeInput(definition.schema, request.params);
    const accountId = request.credential.accountId ?? DEFAULT_ACCOUNT_ID;
    if (!mayCall(request.credential, request.action)) {
      throw unauthorizedOperation(
        principalArn(request.credential),
        request.action,
        actionResourceArn(request.action, input, request.region, accountId),
      );
    }
    const dryRun = input.DryRun === true;
    const caller: Caller = {
      region: request.region,
      accountId,
      beforeChange: () => {
        if (dryRun) throw dryRunOperation();
      },
    };

    if (!definition.mutates) {
      const body = definition.run(this.state, input, caller);
      await this.durable(this.version);
      return body;
    }

    const token = typeof input.ClientToken === 'string' && input.ClientToken !== '' ? input.ClientToken : undefined;
    const { ClientToken: _token, DryRun: _dryRun, ...significant } = input;
    const fingerprint = JSON.stringify(significant);
    if (token !== undefined) {
      const seen = this.state.clientTokens.find((t) => t.token === token);
      if (seen) {
        if (seen.action !== request.action || seen.fingerprint !== fingerprint) throw idempotentParameterMismatch();
        caller.beforeChange();
        await this.durable(this.version);
        return JSON.parse(seen.body) as XmlElement[];
      }
    }
    const draft = structuredClone(this.state);
    const body = definition.run(draft, input, caller);
    if (token !== undefined) {
      draft.clientTokens.push({ token, action: request.action, fingerprint, body: JSON.stringify(pruneXml(body)) });
      if (draft.clientTokens.length > CLIENT_TOKEN_LIMIT) draft.clientTokens.splice(0, draft.clientTokens.length - CLIENT_TOKEN_LIMIT);
    }
    this.state = draft;
    await this.durable(++this.version);
    return body;
  }

  /** Empties the state (durably). */
  async reset(): Promise<void> {
    this.state = emptyState();
    await this.durable(++this.version);
  }

  /** Waits for pending writes. */
  async flush(): Promise<void> {
    while (this.writer) await this.writer.catch(() => {});
  }

  /** A copy of the current state (for tests and tools). */
  snapshot(): State {
    return structuredClone(this.state);
  }

  private durable(version: number): Promise<void> {
    if (version <= this.durableVersion) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ version, resolve, reject });
      this.startWriter();
    });
  }

  private startWriter(): void {
    if (this.writer) return;
    this.writer = this.writeUntilCurrent().finally(() => {
      this.writer = undefined;
      if (this.durableVersion < this.version) this.startWriter();
    });
  }

  private async writeUntilCurrent(): Promise<void> {
    while (this.durableVersion < this.version) {
      const version = this.version;
      const json = serializeState(this.state);
      try {
        await this.store.save(json);
      } catch (error) {
        // nothing after the last durable state may be answered as done: roll back and fail them
        this.onWriteError(error as Error);
        this.state = JSON.parse(this.durableJson) as State;
        this.version = this.durableVersion;
        for (const waiter of this.waiters.splice(0)) waiter.reject(internalError());
        return;
      }
      this.durableVersion = version;
      this.durableJson = json;
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i]!;
        if (waiter.version <= version) {
          this.waiters.splice(i, 1);
          waiter.resolve();
        }
      }
    }
  }
}
