// Runs the CLI in this process through run(argv, io) — the same phases bin/aws.js runs — with an
// Io that captures stdout and stderr and a clean environment. Thousands of runs fit in seconds this
// way. The CLI keeps no state between runs (each has its own context), but runs here must not
// overlap: a write to the process's own streams could not be told apart (below).
// Anything written to the process's own stdout/stderr while a run is going on is caught too: the
// CLI must write only through its Io.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/run';
import { Io } from '../../src/runtime/io';
import { baseEnv, type RunResult } from '../helpers/cli';
import { testKeys } from '../helpers/scenario';
import { assertNoLeaks } from '../helpers/secrets';

export interface InProcessResult extends RunResult {
  code: number;
  /** Text the run wrote to process.stdout / process.stderr behind its Io's back. */
  stray: string;
  ms: number;
}

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  /** Files to create under HOME before the run. */
  files?: Record<string, string | Uint8Array>;
  home?: string;
  /**
   * Texts a server sent that the CLI may quote whole in a message, as the real CLI does (a non-200
   * body, a body that does not parse): a secret inside one is no leak when the output holds all of it.
   */
  echoes?: readonly string[];
}

/** A temp HOME; pass it to several runs to save the mkdtemp. */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'aws-rel-'));
}

export function writeFiles(home: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(home, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Environment of an in-process run: the spawned runs' clean base, test keys and a region. */
export function cleanEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string> = { ...baseEnv(home), ...testKeys, AWS_REGION: 'us-east-1' };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** An Io on no terminal that keeps what the run writes. */
class CapturingIo extends Io {
  written = { stdout: '', stderr: '' };
  readonly stdout = (text: string) => void (this.written.stdout += text);
  readonly stderr = (text: string) => void (this.written.stderr += text);
  readonly stdoutIsTty = false;
  readonly stdinIsTty = false;
  readonly cwd = process.cwd();
  constructor(readonly env: NodeJS.ProcessEnv) {
    super();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  input(): NodeJS.ReadStream {
    return process.stdin;
  }
  screen(): NodeJS.WriteStream {
    return process.stdout;
  }
  protected stdoutColumns(): undefined {
    return undefined;
  }
}

let running = false;

// What main.ts does for the process before run(): the SDK's Node-version notice is not the CLI's.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export async function runInProcess(argv: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  if (running) throw new Error('in-process runs must not overlap (is a timed-out run still going?)');
  running = true;
  const home = options.home ?? tempHome();
  if (options.files) writeFiles(home, options.files);
  const io = new CapturingIo(cleanEnv(home, options.env));
  let stray = '';
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const catchStray = (chunk: unknown) => {
    stray += String(chunk);
    return true;
  };
  process.stdout.write = catchStray as typeof process.stdout.write;
  process.stderr.write = catchStray as typeof process.stderr.write;
  const started = performance.now();
  let code: number;
  try {
    code = await run(argv, io);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    running = false;
  }
  const result = { ...io.written, code, signal: null, stray, ms: performance.now() - started };
  const quoted = (options.echoes ?? []).filter((text) => text !== '' && (result.stdout.includes(text) || result.stderr.includes(text)));
  assertNoLeaks(argv.join(' '), result, [...argv, ...quoted]);
  return result;
}
