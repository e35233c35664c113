// A real terminal for tests: a tmux server of our own (its own socket) running bash with a
// clean environment. Tests type with send-keys and read the screen with capture-pane, polling
// the screen until what they wait for appears (bounded), never sleeping a fixed time.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ourBinary, projectRoot } from '../helpers/cli';

const run = promisify(execFile);

export const haveTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let counter = 0;

export interface TerminalOptions {
  readonly columns?: number;
  readonly rows?: number;
  /** Environment of the shell (on top of a clean base: PATH with `aws` and node, HOME, TERM). */
  readonly env?: Readonly<Record<string, string>>;
  /** The shell: bash (default) or zsh, started without the user's startup files. */
  readonly shell?: 'bash' | 'zsh';
}

/** A directory with `aws` and `aws_completer` commands, as `npm install -g` would provide them. */
export function binDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-bin-'));
  symlinkSync(ourBinary, join(dir, 'aws'));
  symlinkSync(join(projectRoot, 'bin', 'aws_completer.js'), join(dir, 'aws_completer'));
  return dir;
}

/** Writes an executable script (a fake pager, say) and returns its path. */
export function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

export class Terminal {
  readonly home = mkdtempSync(join(tmpdir(), 'aws-term-home-'));
  readonly bin = binDirectory();
  /** The tmux server's own socket (a file of ours, removed with the server). */
  private readonly socket = join(this.home, `tmux-${process.pid}-${++counter}`);
  private commandCount = 0;

  private constructor(private readonly options: TerminalOptions) {}

  static async start(options: TerminalOptions = {}): Promise<Terminal> {
    const terminal = new Terminal(options);
    try {
      await terminal.open();
    } catch (error) {
      await terminal.kill();
      throw error;
    }
    return terminal;
  }

  private tmux(...args: string[]) {
    return run('tmux', ['-S', this.socket, '-f', '/dev/null', ...args]);
  }

  private async open(): Promise<void> {
    const nodeDir = dirname(process.execPath);
    const env: Record<string, string> = {
      PATH: `${this.bin}:${nodeDir}:/usr/local/bin:/usr/bin:/bin`,
      HOME: this.home,
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      PS1: '$ ',
      PROMPT: '$ ',
      ...this.options.env,
    };
    const shell =
      this.options.shell === 'zsh' ? ['zsh', '-f'] : ['bash', '--norc', '--noprofile'];
    const command = ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...shell];
    await this.tmux(
      'new-session', '-d', '-s', 'main',
      '-x', String(this.options.columns ?? 120), '-y', String(this.options.rows ?? 40),
      '-c', this.home,
      ...command,
    );
    await this.waitFor(/^\$ ?$/m);
  }

  /** Types text as it is (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', '-l', '--', text);
  }

  /** Presses keys by tmux name: Enter, Tab, C-c, Up, F3, Escape, ... */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.tmux('send-keys', '-t', 'main', key);
  }

  /**
   * Runs a shell command line; its exit status is printed afterwards as `EXIT<n>:<status>`, and
   * `exit()` waits for it. Returns the command's number.
   */
  async command(line: string): Promise<number> {
    const n = ++this.commandCount;
    await this.type(`${line}; echo "EXIT${n}:$?"`);
    await this.press('Enter');
    return n;
  }

  /** Waits for command `n` to end and returns its exit status. */
  async exit(n: number, timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor(new RegExp(`^EXIT${n}:(\\d+)`, 'm'), timeoutMs);
    return Number(new RegExp(`^EXIT${n}:(\\d+)`, 'm').exec(screen)![1]);
  }

  async clear(): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', 'clear', 'Enter');
    await this.tmux('clear-history', '-t', 'main');
    await this.waitFor((s) => s.trim() === '$');
  }

  /** The visible screen as text (with escape codes for colours and attributes when asked). */
  async screen(options: { escapes?: boolean } = {}): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', 'main');
    return stdout;
  }

  /** Polls the screen until it matches; fails with the last screen after `timeoutMs`. */
  async waitFor(what: RegExp | string | ((screen: string) => boolean), timeoutMs = 15_000, options: { escapes?: boolean } = {}): Promise<string> {
    const test = typeof what === 'function' ? what : typeof what === 'string' ? (s: string) => s.includes(what) : (s: string) => what.test(s);
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = await this.screen(options);
      if (test(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; the screen was:\n${last}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => {});
    rmSync(this.socket, { force: true });
  }
}
