/** The exit codes of the `linli` command: the contract scripts and CI jobs rely on. */
export const EXIT = {
  /** Done, and nothing was found wrong. */
  ok: 0,
  /** The audit completed and found violations. */
  violations: 1,
  /** The input could not be read (missing, garbled, truncated, not a history, no store) or the usage was wrong. */
  unreadable: 2,
} as const;

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes: its output, its diagnostics (and progress), and whether a person watches them. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** True when stderr is a terminal: progress bars are drawn only then (or when asked for). */
  readonly stderrIsTty: boolean;
}

/**
 * One subcommand of `linli`. To add one (`demo`, `report`), write a module exporting a `CliCommand` and
 * list it in `commands.ts`: `main` dispatches on the name, and `--help` lists the summaries.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full usage text, printed by `linli <name> --help` and after a usage error. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
}

/** A mistake in the command line: reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  /** Creates the error with what was wrong. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
