// The state file: loaded with a clear refusal when it is corrupted or not ours (and then never
// written), replaced atomically on every change (temporary file, fsync, rename, fsync of the
// directory) so a crash leaves either the old or the new state, owner-only, and locked against a
// second emulator using the same file at the same time.
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { consistencyProblems, emptyState, shapeProblems, type State } from './model';

export class StateFileError extends Error {}

export interface StateStore {
  /** Where the state lives, for messages ("memory" when it is not persisted). */
  readonly location: string;
  /** Loads the state (or creates an empty one) and takes the lock. */
  open(options: { reset: boolean }): State;
  /** Makes `json` the durable state. */
  save(json: string): Promise<void>;
  close(): void;
}

/** $XDG_DATA_HOME/aws-ipam-emulator/state.json, else ~/.local/share/… (%LOCALAPPDATA% on Windows). */
export function defaultStatePath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  let base: string;
  if (xdg && xdg.startsWith('/')) base = xdg;
  else if (process.platform === 'win32' && env.LOCALAPPDATA) base = env.LOCALAPPDATA;
  else base = join(homedir(), '.local', 'share');
  return join(base, 'aws-ipam-emulator', 'state.json');
}

export function serializeState(state: State): string {
  return `${JSON.stringify(state, null, 1)}\n`;
}

export class MemoryStateStore implements StateStore {
  readonly location = 'memory';
  open(): State {
    return emptyState();
  }
  async save(): Promise<void> {}
  close(): void {}
}

/** Paths locked by this process, so two emulators in one process cannot share a file either. */
const heldLocks = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // some platforms cannot open or fsync a directory; the rename is still atomic there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class FileStateStore implements StateStore {
  readonly location: string;
  private readonly lockPath: string;
  private readonly dir: string;
  private readonly tempPrefix: string;
  private tempCounter = 0;
  private locked = false;

  constructor(path: string) {
    this.location = resolve(path);
    this.lockPath = `${this.location}.lock`;
    this.dir = dirname(this.location);
    this.tempPrefix = `.${basename(this.location)}.tmp-`;
  }

  open({ reset }: { reset: boolean }): State {
    if (!existsSync(this.dir)) {
      try {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw new StateFileError(`cannot create the state directory ${this.dir}: ${(error as Error).message}`);
      }
    }
    this.lock();
    try {
      this.removeStaleTemporaryFiles();
      if (reset || !existsSync(this.location)) {
        const state = emptyState();
        this.writeSync(serializeState(state));
        return state;
      }
      const state = this.load();
      chmodSync(this.location, 0o600);
      return state;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private load(): State {
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (error) {
      throw new StateFileError(`cannot read the state file ${this.location}: ${(error as Error).message}`);
    }
    const refuse = (reason: string) =>
      new StateFileError(
        `the state file ${this.location} is not usable: ${reason}. It was left untouched; move it away, ` +
          'choose another file with --state, or start with --reset to replace it with an empty state.',
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw refuse(`it is not valid JSON (${(error as Error).message})`);
    }
    const shape = shapeProblems(parsed);
    if (shape.length > 0) throw refuse(shape.slice(0, 3).join('; '));
    const consistency = consistencyProblems(parsed as State);
    if (consistency.length > 0) throw refuse(`its content is inconsistent (${consistency.slice(0, 3).join('; ')})`);
    return parsed as State;
  }

  private lock(): void {
    if (heldLocks.has(this.lockPath)) {
      throw new StateFileError(`the state file ${this.location} is already in use by another emulator in this process`);
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockPath, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        heldLocks.add(this.lockPath);
        this.locked = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new StateFileError(`cannot lock the state file ${this.location}: ${(error as Error).message}`);
        }
      }
      let owner = NaN;
      try {
        owner = Number.parseInt(readFileSync(this.lockPath, 'utf8'), 10);
      } catch {
        // vanished or unreadable: treat as stale
      }
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new StateFileError(
          `the state file ${this.location} is in use by another aws-ipam-emulator (pid ${owner}); stop it or choose another file with --state`,
        );
      }
      // the emulator that held it is gone (e.g. killed): the lock is stale
      try {
        unlinkSync(this.lockPath);
      } catch {
        // someone else removed it first; try again
      }
    }
    throw new StateFileError(`cannot lock the state file ${this.location}: another process keeps taking the lock`);
  }

  private removeStaleTemporaryFiles(): void {
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith(this.tempPrefix)) continue;
      const pid = Number.parseInt(name.slice(this.tempPrefix.length), 10);
      if (pid === process.pid || !processAlive(pid)) {
        try {
          unlinkSync(join(this.dir, name));
        } catch {
          // already gone
        }
      }
    }
  }

  private nextTempPath(): string {
    return join(this.dir, `${this.tempPrefix}${process.pid}-${++this.tempCounter}`);
  }

  private writeSync(json: string): void {
    const temp = this.nextTempPath();
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, json);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.location);
      fsyncDirectory(this.dir);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // never created
      }
      throw new StateFileError(`cannot write the state file ${this.location}: ${(error as Error).message}`);
    }
  }

  async save(json: string): Promise<void> {
    const temp = this.nextTempPath();
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(json);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.location);
      fsyncDirectory(this.dir);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already renamed
      }
      throw error;
    }
  }

  close(): void {
    if (!this.locked) return;
    this.locked = false;
    heldLocks.delete(this.lockPath);
    try {
      if (Number.parseInt(readFileSync(this.lockPath, 'utf8'), 10) === process.pid) unlinkSync(this.lockPath);
    } catch {
      // already gone
    }
  }
}
