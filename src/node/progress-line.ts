import type { WriteStream } from 'node:tty';

/**
 * Shows how far a batch is: on a terminal one line that redraws itself
 * (`[######----] 12/40 posts/a.md`), elsewhere (CI logs, pipes) nothing, since
 * the caller prints a plain line per file there.
 */
export class ProgressLine {
  readonly #stream: NodeJS.WriteStream | WriteStream;
  readonly #total: number;
  readonly #width = 24;
  #done = 0;

  constructor(stream: NodeJS.WriteStream, total: number) {
    this.#stream = stream;
    this.#total = total;
  }

  get isTerminal(): boolean {
    return Boolean(this.#stream.isTTY);
  }

  /** One more file is done. */
  advance(file: string): void {
    this.#done += 1;
    if (!this.isTerminal) return;
    const filled = Math.round((this.#done / Math.max(this.#total, 1)) * this.#width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(this.#width - filled)}] ${this.#done}/${this.#total} `;
    // A terminal that reports no width (some pseudo-terminals say 0) is taken as 80 columns.
    const room = Math.max((this.#stream.columns || 80) - bar.length - 1, 0);
    const name = file.length <= room ? file : room > 1 ? `…${file.slice(file.length - room + 1)}` : '';
    this.#stream.write(`\r\x1b[2K${bar}${name}`);
  }

  /** Prints a message above the bar without garbling it. */
  log(message: string): void {
    this.#stream.write(this.isTerminal ? `\r\x1b[2K${message}\n` : `${message}\n`);
  }

  /** Removes the bar, leaving the terminal as it was. */
  finish(): void {
    if (this.isTerminal) this.#stream.write('\r\x1b[2K');
  }
}
