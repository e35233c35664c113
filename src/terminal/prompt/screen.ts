// Drawing the prompt below the cursor without taking over the screen: each frame moves back to
// the prompt's first row, clears to the end of the screen and writes the rows again, leaving the
// cursor in the input line. A frame never has more rows than the terminal, so moving back up
// always lands on the first row even when drawing scrolled the screen.

const ESC = '\x1b[';

export const style = {
  reverse: (s: string) => `${ESC}7m${s}${ESC}27m`,
  bold: (s: string) => `${ESC}1m${s}${ESC}22m`,
  // colours, used only when the prompt is in colour
  cyan: (s: string) => `${ESC}36m${s}${ESC}39m`,
  yellow: (s: string) => `${ESC}33m${s}${ESC}39m`,
  grey: (s: string) => `${ESC}90m${s}${ESC}39m`,
};

/** A row of the frame: its text (with styles) and its visible length. */
export interface Row {
  readonly text: string;
  readonly width: number;
}

export const plainRow = (text: string): Row => ({ text, width: text.length });

/** Cuts plain text to `width` columns, marking the cut with an ellipsis. */
export function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 3 ? text.slice(0, width) : `${text.slice(0, width - 3)}...`;
}

export class Screen {
  /** Rows of the last frame, and the row of the cursor in it. */
  private drawnRows = 0;
  private cursorRow = 0;

  constructor(private readonly out: NodeJS.WriteStream) {}

  get columns(): number {
    return Math.max(this.out.columns || 80, 20);
  }

  get rows(): number {
    return Math.max(this.out.rows || 24, 5);
  }

  /** Draws rows; the cursor ends at (row, column) of the frame. */
  draw(rows: readonly Row[], cursor: { row: number; column: number }): void {
    const frame: string[] = [`${ESC}?25l`, this.backToTop(), `${ESC}J`];
    frame.push(rows.map((r) => r.text).join('\r\n'));
    const up = rows.length - 1 - cursor.row;
    frame.push('\r');
    if (up > 0) frame.push(`${ESC}${up}A`);
    if (cursor.column > 0) frame.push(`${ESC}${cursor.column}C`);
    frame.push(`${ESC}?25h`);
    this.out.write(frame.join(''));
    this.drawnRows = rows.length;
    this.cursorRow = cursor.row;
  }

  /** Removes the prompt from the screen; the cursor is left where its first row was. */
  erase(): void {
    if (this.drawnRows === 0) return;
    this.out.write(`${this.backToTop()}${ESC}J${ESC}?25h`);
    this.drawnRows = 0;
    this.cursorRow = 0;
  }

  private backToTop(): string {
    return `\r${this.cursorRow > 0 ? `${ESC}${this.cursorRow}A` : ''}`;
  }
}
