// Python's getpass.getpass, used for the MFA code of an assume-role profile: the prompt goes to
// the controlling terminal and the answer is read there without echo; without a terminal it
// falls back to stderr and stdin with getpass's warning.
import { openSync, closeSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { createInterface } from 'node:readline';
import type { Io } from '../runtime/io';

export async function getpass(question: string, io: Io): Promise<string> {
  const stderr = io.stderr;
  let fd: number | undefined;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    fd = undefined;
  }
  if (fd === undefined) {
    // Python's warning (as the reference CLI's Python prints it), then getpass's own notice
    stderr(
      '/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control echo on the terminal.\n' +
        '  passwd = fallback_getpass(prompt, stream)\n',
    );
    stderr('Warning: Password input may be echoed.\n');
    stderr(question);
    const answer = await readLine(io.input());
    stderr('\n');
    return answer;
  }
  writeSync(fd, question);
  const input = new ReadStream(fd);
  input.setRawMode(true);
  try {
    let answer = '';
    for await (const chunk of input) {
      const text = String(chunk);
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          writeSync(fd, '\n');
          return answer;
        }
        if (ch === '\u0003') throw Object.assign(new Error('interrupted'), { interrupted: true });
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    }
    return answer;
  } finally {
    input.setRawMode(false);
    input.destroy();
    try {
      closeSync(fd);
    } catch {
      // already closed with the stream
    }
  }
}

function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stream });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}
