// Commands run from the prompt, kept in ~/.aws/cli/cache/prompt_history.json (the real CLI's
// file and format: {"version": 1, "commands": [...]}, the newest last, at most 500), so that the
// Up key brings back what was run before, with either CLI.
import { homedir } from '../../util/builtins';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MAX_COMMANDS = 500;

export function historyFile(env: NodeJS.ProcessEnv): string {
  return join(env.HOME ?? homedir(), '.aws', 'cli', 'cache', 'prompt_history.json');
}

export function loadHistory(file: string): string[] {
  try {
    const commands = (JSON.parse(readFileSync(file, 'utf8')) as { commands?: unknown }).commands;
    return Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds a command; a history that cannot be written is not worth an error. */
export function saveToHistory(file: string, command: string): void {
  try {
    let history: { version: number; commands: string[] } = { version: 1, commands: [] };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && Array.isArray(parsed.commands)) history = parsed;
    } catch {
      mkdirSync(dirname(file), { recursive: true });
    }
    history.commands.push(command);
    history.commands = history.commands.slice(-MAX_COMMANDS);
    writeFileSync(file, pythonJson(history));
    chmodSync(file, 0o600);
  } catch {
    // the prompt still runs the command
  }
}

/** The layout Python's json.dump writes (", " and ": " separators, non-ASCII escaped). */
function pythonJson(history: { version: number; commands: string[] }): string {
  const str = (s: string) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `{"version": ${history.version}, "commands": [${history.commands.map(str).join(', ')}]}`;
}
