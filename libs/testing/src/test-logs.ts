/** Lines printed at most with one failure: the last ones, nearest the failure. */
const SHOWN_LINES = 300;
/** Output kept per test file; past it the oldest half goes (a fuzz test logs thousands of requests). */
const KEPT_CHARS = 8 * 1024 * 1024;

/**
 * What the code under a test file wrote (pino's JSON lines, Nest's console logger, anything on
 * stdout or stderr), kept in memory so a passing test prints nothing and a failing one can
 * print what it logged. A pino destination: pino calls `write` with each line.
 */
export class TestLogs {
  private chunks: string[] = [];
  /** Position of chunks[0] in everything ever written. */
  private first = 0;
  private chars = 0;

  constructor(
    private readonly shownLines = SHOWN_LINES,
    private readonly keptChars = KEPT_CHARS,
  ) {}

  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.chunks.push(text);
    this.chars += text.length;
    if (this.chars > this.keptChars) this.dropOldest();
    return true;
  }

  /** Where what is written from now on begins, for `since`. */
  mark(): number {
    return this.first + this.chunks.length;
  }

  /** What was written since `mark` (its last lines, saying what was left out); '' when nothing was. */
  since(mark: number): string {
    const dropped = this.first > mark;
    const text = this.chunks.slice(Math.max(0, mark - this.first)).join('');
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length === 0 && !dropped) return '';
    const hidden = Math.max(0, lines.length - this.shownLines);
    const notes = [
      dropped
        ? `[test logs] the oldest output was dropped (more than ${this.keptChars} characters kept)`
        : '',
      hidden ? `[test logs] ${hidden} earlier lines not shown, the last ${this.shownLines} follow` : '',
    ];
    return [...notes.filter(Boolean), ...lines.slice(hidden)].join('\n');
  }

  private dropOldest(): void {
    while (this.chunks.length > 1 && this.chars > this.keptChars / 2) {
      const count = Math.max(1, Math.floor(this.chunks.length / 4));
      for (const chunk of this.chunks.splice(0, count)) this.chars -= chunk.length;
      this.first += count;
    }
  }
}
