import type { CliIo } from './cli-command.js';

/** Options of a {@link Progress}. */
export interface ProgressOptions {
  /** Draw even when stderr is not a terminal (`--progress`). */
  readonly force?: boolean;
  /** The total bytes to read, when known: a bar with a percentage instead of a bare count. */
  readonly totalBytes?: number;
  /** The noun counted (`events audited`). */
  readonly label: string;
}

const WIDTH = 30;
const EVERY_MS = 100;

const grouped = (n: number): string => n.toLocaleString('en-US');

/**
 * A one-line progress indicator on stderr, redrawn in place at most ten times a second, so that stdout
 * stays clean for the report (and for `--json`). Silent unless stderr is a terminal or it was forced.
 */
export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;
  private drawn = false;

  /** Creates the indicator; it draws nothing until {@link Progress.update}. */
  constructor(
    private readonly io: CliIo,
    private readonly options: ProgressOptions,
  ) {
    this.enabled = options.force === true || io.stderrIsTty;
  }

  /** Reports how far the work is; redraws only when enough time passed since the last drawing. */
  update(count: number, bytes?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (this.drawn && now - this.lastDraw < EVERY_MS) return;
    this.lastDraw = now;
    this.draw(count, bytes);
  }

  /** Draws the final figures and ends the line, so that what follows starts on a fresh one. */
  done(count: number, bytes?: number): void {
    if (!this.enabled) return;
    this.draw(count, bytes);
    this.io.stderr.write('\n');
  }

  private draw(count: number, bytes: number | undefined): void {
    const total = this.options.totalBytes;
    let line = `${grouped(count)} ${this.options.label}`;
    if (total !== undefined && total > 0 && bytes !== undefined) {
      const fraction = Math.min(1, bytes / total);
      const filled = Math.round(fraction * WIDTH);
      const percent = (fraction * 100).toFixed(0).padStart(3);
      line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}% ${line}`;
    }
    // \r returns to the start of the line and \x1b[K clears what a longer previous drawing left behind.
    this.io.stderr.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }
}
