// The local IPAM endpoint, programmatically: `startEmulator()` serves EC2's IPAM actions on a
// loopback port with state in a file, and hands back its URL and a way to stop or reset it.
import { DEFAULT_CREDENTIALS, type EmulatorCredential } from './credentials';
import { Engine } from './engine';
import type { State } from './model';
import { createEmulatorServer, serverPort } from './server';
import { defaultStatePath, FileStateStore, MemoryStateStore, type StateStore } from './store';

export { DEFAULT_CREDENTIAL, DEFAULT_CREDENTIALS, NO_PERMISSION_CREDENTIAL, type EmulatorCredential } from './credentials';
export { consistencyProblems, shapeProblems, type State } from './model';
export { defaultStatePath, StateFileError } from './store';

export const DEFAULT_HOST = '127.0.0.1';

export interface EmulatorOptions {
  /** TCP port; 0 (the default here) picks a free one. */
  readonly port?: number;
  /** Address to bind; loopback unless you mean to expose it. */
  readonly host?: string;
  /** The state file (default: the user's data directory, see defaultStatePath()). */
  readonly statePath?: string;
  /** false keeps the state in memory only. */
  readonly persist?: boolean;
  /** Start from an empty state, replacing whatever the state file holds. */
  readonly reset?: boolean;
  /** Accepted key pairs (default: DEFAULT_CREDENTIALS). */
  readonly credentials?: readonly EmulatorCredential[];
  /** One line per request. */
  readonly log?: (line: string) => void;
  /** Unexpected failures (answered with InternalError); default: written to stderr. */
  readonly onInternalError?: (error: unknown) => void;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4747 — pass it as --endpoint-url. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The state file, or "memory". */
  readonly statePath: string;
  /** Waits for in-flight requests and writes, then closes the port and unlocks the state file. */
  stop(): Promise<void>;
  /** Empties the state (durably). */
  reset(): Promise<void>;
  /** A copy of the current state. */
  state(): State;
}

function reportInternalError(error: unknown): void {
  process.stderr.write(`aws-ipam-emulator: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store: StateStore = options.persist === false ? new MemoryStateStore() : new FileStateStore(options.statePath ?? defaultStatePath());
  const initial = store.open({ reset: options.reset === true });
  const onInternalError = options.onInternalError ?? reportInternalError;
  const engine = new Engine(store, initial, onInternalError);
  const server = createEmulatorServer({
    engine,
    credentials: options.credentials ?? DEFAULT_CREDENTIALS,
    log: options.log,
    onInternalError,
  });
  const host = options.host ?? DEFAULT_HOST;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = serverPort(server);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    statePath: store.location,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // keep-alive connections that finish a request after this point would hold the port open
        const sweeper = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => server.closeAllConnections(), 5000);
        await closed;
        clearInterval(sweeper);
        clearTimeout(deadline);
        await engine.flush();
        store.close();
      })();
      return stopping;
    },
    reset: () => engine.reset(),
    state: () => engine.snapshot(),
  };
}
