// The interactive prompt: a line editor for the command (after "> aws "), a menu of suggestions
// that follows the typing, and optional panels for documentation (F3), a sample of the output
// (F5) and the keys (F1). Enter takes the highlighted suggestion, or runs the command when no
// menu is open; Ctrl-C and Ctrl-D cancel.
import { emitKeypressEvents } from 'node:readline';
import { clip, plainRow, Screen, style, type Row } from './screen';
import { docLines, suggest, type MenuItem, type Suggestions } from './suggest';
import { LiveValues } from './values';
import { loadHistory, saveToHistory } from './history';
import { shlexWords } from './words';
import type { RunContext } from '../../runtime/context';

export interface PromptTerminal {
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly color: boolean;
  readonly historyFile: string;
  /** The run the prompt belongs to: live values are looked up with its configuration. */
  readonly run: RunContext;
  /** The sample output for the command line (F5), computed on demand. */
  readonly sampleOutput: (words: readonly string[]) => Promise<string>;
}

export type PromptResult = { readonly accepted: true; readonly text: string } | { readonly accepted: false; readonly text: string };

interface Key {
  readonly name?: string;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly shift?: boolean;
  readonly sequence?: string;
}

const PREFIX = '> aws ';
const MENU_ROWS = 10;
const PANEL_ROWS = 12;

const KEYS_HELP = [
  'Tab, Shift-Tab   next / previous suggestion',
  'Up, Down         move in the suggestions; without them, earlier commands',
  'Enter            take the suggestion; with no suggestions open, run the command',
  'Esc              close the suggestions (undoing a suggestion not yet taken)',
  'F1 keys   F3 documentation   F5 sample output   PgUp/PgDn scroll the panel',
  'Ctrl-A/E start/end of line   Alt-B/F word left/right   Ctrl-U/K delete before/after   Ctrl-W delete word',
  'Ctrl-C/D cancel (nothing runs)',
];

export class PromptSession {
  private text: string;
  private cursor: number;
  private suggestions: Suggestions;
  private menuOpen = true;
  private selected = -1;
  private menuTop = 0;
  /** The text before a suggestion was previewed (Esc goes back to it). */
  private beforePreview?: { text: string; cursor: number };
  private panel: 'none' | 'docs' | 'output' | 'keys' = 'none';
  private panelScroll = 0;
  private sample?: { key: string; text: string };
  private readonly history: string[];
  private historyIndex: number;
  private draft = '';
  private readonly screen: Screen;
  private readonly live: LiveValues;
  private finish?: (result: PromptResult) => void;
  /** Set once the prompt has ended: late events (a lookup's answer) must not draw any more. */
  private done = false;

  constructor(
    private readonly term: PromptTerminal,
    initialText: string,
  ) {
    this.text = initialText;
    this.cursor = initialText.length;
    this.screen = new Screen(term.output);
    this.live = new LiveValues(term.run, () => this.refresh());
    this.history = loadHistory(term.historyFile);
    this.historyIndex = this.history.length;
    this.suggestions = this.compute();
  }

  run(): Promise<PromptResult> {
    const { input, output } = this.term;
    return new Promise((resolve) => {
      const onKey = (str: string | undefined, key: Key | undefined) => {
        try {
          this.onKey(str, key ?? {});
        } catch {
          // a key that cannot be handled is ignored rather than leaving the terminal raw
        }
      };
      const onResize = () => this.render();
      const restore = () => {
        if (input.isTTY) input.setRawMode(false);
      };
      this.finish = (result) => {
        this.done = true;
        input.off('keypress', onKey);
        output.off('resize', onResize);
        process.off('exit', restore);
        this.screen.erase();
        restore();
        input.pause();
        resolve(result);
      };
      emitKeypressEvents(input);
      if (input.isTTY) input.setRawMode(true);
      process.on('exit', restore);
      input.on('keypress', onKey);
      output.on('resize', onResize);
      input.resume();
      this.render();
    });
  }

  // ----- keys -----

  private onKey(str: string | undefined, key: Key): void {
    const sequence = key.sequence ?? '';
    if (key.meta && /^\x1b[bfd\x7f]$/.test(sequence)) return this.onAlt(sequence[1]!);
    if (key.name !== 'escape' && (key.meta || sequence.startsWith('\x1b\x1b'))) {
      // Esc and the key after it arrived together (read as one Alt-key): Esc, then that key
      this.closeMenu(true);
      const rest = sequence.slice(1);
      return this.onKey(rest.length === 1 ? rest : str, { ...key, meta: false, sequence: rest });
    }
    const name = key.name;
    if (key.ctrl && (name === 'c' || name === 'd')) return this.end(false);
    if (key.ctrl) return this.onControl(name);
    switch (name) {
      case 'return':
      case 'enter':
        return this.onEnter();
      case 'tab':
        return this.move(key.shift ? -1 : 1);
      case 'up':
        return this.menuVisible() ? this.move(-1) : this.recall(-1);
      case 'down':
        return this.menuVisible() ? this.move(1) : this.recall(1);
      case 'escape':
        return this.closeMenu(true);
      case 'backspace':
        return this.edit(this.text.slice(0, Math.max(this.cursor - 1, 0)) + this.text.slice(this.cursor), Math.max(this.cursor - 1, 0));
      case 'delete':
        return this.edit(this.text.slice(0, this.cursor) + this.text.slice(this.cursor + 1), this.cursor);
      case 'left':
        return this.moveCursor(this.cursor - 1);
      case 'right':
        return this.moveCursor(this.cursor + 1);
      case 'home':
        return this.moveCursor(0);
      case 'end':
        return this.moveCursor(this.text.length);
      case 'f1':
        return this.togglePanel('keys');
      case 'f3':
        return this.togglePanel('docs');
      case 'f5':
        return this.togglePanel('output');
      case 'pageup':
        return this.scrollPanel(-PANEL_ROWS + 2);
      case 'pagedown':
        return this.scrollPanel(PANEL_ROWS - 2);
    }
    if (str && !/[\x00-\x1f\x7f]/.test(str)) this.insert(str);
  }

  private onControl(name: string | undefined): void {
    switch (name) {
      case 'a':
        return this.moveCursor(0);
      case 'e':
        return this.moveCursor(this.text.length);
      case 'b':
        return this.moveCursor(this.cursor - 1);
      case 'f':
        return this.moveCursor(this.cursor + 1);
      case 'u':
        return this.edit(this.text.slice(this.cursor), 0);
      case 'k':
        return this.edit(this.text.slice(0, this.cursor), this.cursor);
      case 'w': {
        const start = this.text.slice(0, this.cursor).replace(/\S+\s*$/, '').length;
        return this.edit(this.text.slice(0, start) + this.text.slice(this.cursor), start);
      }
      case 'l':
        return this.render();
    }
  }

  /** Alt-b / Alt-f move by words, Alt-d and Alt-Backspace delete one. */
  private onAlt(letter: string): void {
    const wordStart = this.text.slice(0, this.cursor).replace(/\S+\s*$/, '').length;
    const wordEnd = this.cursor + (/^\s*\S*/.exec(this.text.slice(this.cursor))?.[0].length ?? 0);
    if (letter === 'b') return this.moveCursor(wordStart);
    if (letter === 'f') return this.moveCursor(wordEnd);
    if (letter === 'd') return this.edit(this.text.slice(0, this.cursor) + this.text.slice(wordEnd), this.cursor);
    return this.edit(this.text.slice(0, wordStart) + this.text.slice(this.cursor), wordStart);
  }

  private onEnter(): void {
    if (!this.menuVisible()) return this.end(true);
    // take what is shown (a previewed suggestion stays) and close the menu; a directory of a
    // file:// value opens the next level at once
    const taken = this.selectedItem();
    this.closeMenu(false);
    if (taken && /^fileb?:\/\//.test(taken.insert) && taken.insert.endsWith('/')) this.reopen();
    else this.render();
  }

  private end(accepted: boolean): void {
    if (this.done) return;
    if (accepted) saveToHistory(this.term.historyFile, this.text);
    this.finish?.({ accepted, text: this.text });
  }

  // ----- editing -----

  private insert(str: string): void {
    this.edit(this.text.slice(0, this.cursor) + str + this.text.slice(this.cursor), this.cursor + str.length);
  }

  private edit(text: string, cursor: number): void {
    this.text = text;
    this.cursor = Math.min(Math.max(cursor, 0), text.length);
    this.historyIndex = this.history.length;
    this.reopen();
  }

  private moveCursor(cursor: number): void {
    this.cursor = Math.min(Math.max(cursor, 0), this.text.length);
    this.reopen();
  }

  private recall(step: number): void {
    const next = this.historyIndex + step;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.text;
    this.historyIndex = next;
    this.text = next === this.history.length ? this.draft : this.history[next]!;
    this.cursor = this.text.length;
    this.suggestions = this.compute();
    this.menuOpen = false;
    this.render();
  }

  // ----- the menu -----

  private compute(): Suggestions {
    return suggest(this.text.slice(0, this.cursor), this.text, this.term.env, this.term.cwd, this.live);
  }

  /** New suggestions for the text as it is now; the menu opens when there are any. */
  private reopen(): void {
    this.suggestions = this.compute();
    this.menuOpen = true;
    this.selected = -1;
    this.menuTop = 0;
    this.beforePreview = undefined;
    this.render();
  }

  /** A lookup ended: show its values if the menu is still about them. */
  private refresh(): void {
    if (!this.finish || this.done) return;
    if (this.selected === -1) {
      this.suggestions = this.compute();
      this.menuOpen = true;
    }
    this.render();
  }

  private menuVisible(): boolean {
    return this.menuOpen && this.suggestions.items.length > 0;
  }

  private selectedItem(): MenuItem | undefined {
    return this.selected >= 0 ? this.suggestions.items[this.selected] : undefined;
  }

  private move(step: number): void {
    if (!this.menuOpen) {
      this.suggestions = this.compute();
      this.menuOpen = true;
    }
    const items = this.suggestions.items;
    if (!items.length) return this.render();
    const base = this.beforePreview ?? { text: this.text, cursor: this.cursor };
    this.beforePreview = base;
    this.selected = this.selected === -1 ? (step > 0 ? 0 : items.length - 1) : (this.selected + step + items.length) % items.length;
    const item = items[this.selected]!;
    const start = base.cursor - this.suggestions.replace;
    this.text = base.text.slice(0, start) + item.insert + base.text.slice(base.cursor);
    this.cursor = start + item.insert.length;
    if (this.selected < this.menuTop) this.menuTop = this.selected;
    if (this.selected >= this.menuTop + MENU_ROWS) this.menuTop = this.selected - MENU_ROWS + 1;
    this.render();
  }

  private closeMenu(undoPreview: boolean): void {
    if (undoPreview && this.beforePreview) {
      this.text = this.beforePreview.text;
      this.cursor = this.beforePreview.cursor;
    }
    this.beforePreview = undefined;
    this.menuOpen = false;
    this.selected = -1;
    this.render();
  }

  // ----- panels -----

  private togglePanel(panel: 'docs' | 'output' | 'keys'): void {
    this.panel = this.panel === panel ? 'none' : panel;
    this.panelScroll = 0;
    if (this.panel === 'output') this.loadSample();
    this.render();
  }

  private scrollPanel(step: number): void {
    this.panelScroll = Math.max(this.panelScroll + step, 0);
    this.render();
  }

  private loadSample(): void {
    const words = this.text;
    if (this.sample?.key === words) return;
    this.sample = { key: words, text: '' };
    this.term
      .sampleOutput(shlexWords(words))
      .then((text) => {
        if (this.sample?.key === words) this.sample = { key: words, text };
      })
      .catch((error: unknown) => {
        if (this.sample?.key === words) this.sample = { key: words, text: String((error as Error)?.message ?? error) };
      })
      .finally(() => this.render());
  }

  private panelLines(width: number): { title: string; lines: string[] } | undefined {
    switch (this.panel) {
      case 'docs':
        return { title: 'Documentation', lines: docLines(this.suggestions.parsed, this.selectedItem(), width) };
      case 'output':
        this.loadSample();
        return { title: 'Sample output', lines: (this.sample?.text ?? '').replace(/\t/g, '  ').split('\n') };
      case 'keys':
        return { title: 'Keys', lines: KEYS_HELP };
      default:
        return undefined;
    }
  }

  // ----- drawing -----

  private render(): void {
    if (!this.finish || this.done) return;
    const width = this.screen.columns;
    const height = this.screen.rows;
    const color = this.term.color;
    const rows: Row[] = [];

    // the input, wrapped at the terminal's width; there is always room for the cursor
    const line = PREFIX + this.text;
    const inputRows = Math.floor(line.length / width) + 1;
    for (let r = 0; r < inputRows; r++) rows.push(plainRow(line.slice(r * width, (r + 1) * width)));
    const at = PREFIX.length + this.cursor;
    const cursor = { row: Math.floor(at / width), column: at % width };

    const toolbar = this.toolbar(width);
    let room = height - rows.length - 1;

    if (this.menuVisible() && room > 0) {
      const items = this.suggestions.items;
      const shown = Math.min(items.length, MENU_ROWS, room);
      if (this.selected >= this.menuTop + shown) this.menuTop = this.selected - shown + 1;
      const nameWidth = Math.min(Math.max(...items.map((i) => i.display.length)) + 2, Math.floor(width / 2));
      for (let i = this.menuTop; i < this.menuTop + shown && i < items.length; i++) {
        rows.push(this.menuRow(items[i]!, i === this.selected, nameWidth, width, color));
      }
      room -= shown;
    }

    const panel = this.panelLines(Math.min(width - 2, 100));
    if (panel && room > 2) {
      const title = ` ${panel.title} `;
      const rule = '─'.repeat(Math.max(Math.floor((width - title.length) / 2), 0));
      const heading = clip(`${rule}${title}${rule}`, width);
      rows.push({ text: color ? style.grey(heading) : heading, width: heading.length });
      const available = Math.min(PANEL_ROWS, room - 1);
      this.panelScroll = Math.min(this.panelScroll, Math.max(panel.lines.length - available, 0));
      for (const text of panel.lines.slice(this.panelScroll, this.panelScroll + available)) rows.push(plainRow(clip(text, width)));
    }

    rows.push(toolbar);
    this.screen.draw(rows, cursor);
  }

  private menuRow(item: MenuItem, selected: boolean, nameWidth: number, width: number, color: boolean): Row {
    const name = clip(item.display, nameWidth - 1).padEnd(nameWidth);
    const meta = clip(item.meta, Math.max(width - nameWidth - 2, 0));
    const plain = ` ${name}${meta}`;
    if (selected) return { text: style.reverse(plain.padEnd(width - 1)), width: width - 1 };
    if (!color) return plainRow(plain);
    const label = item.required ? name.replace(' (required)', style.yellow(' (required)')) : name;
    return { text: ` ${style.cyan(label)}${style.grey(meta)}`, width: plain.length };
  }

  private toolbar(width: number): Row {
    const position = this.menuVisible() && this.selected >= 0 ? ` ${this.selected + 1}/${this.suggestions.items.length}` : '';
    // why a value menu is empty comes first, where a narrow terminal still shows it
    const status = this.live.busy ? 'looking up values...' : this.live.status;
    const hints = '[Tab] suggest  [Enter] take/run  [F1] keys  [F3] docs  [F5] output  [Ctrl-C] cancel';
    const text = clip(`${status ? `${status}  ` : ''}${hints}${position}`, width - 1);
    return { text: style.reverse(text), width: text.length };
  }

}
