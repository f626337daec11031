import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isHistoryReadError } from '../audit/history-read-error.js';
import { EXIT, UsageError, type CliCommand, type CliIo, type ExitCode } from '../cli/cli-command.js';
import { Progress } from '../cli/progress.js';
import { isSameFile } from '../cli/same-file.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../projections/resolution-stats/calendar.js';
import { buildReport } from './build-report.js';
import { formatCount } from './format.js';
import { renderReportHtml } from './render-html.js';

const USAGE = `Usage:
  linli report <history.jsonl> --out <report.html> [--time-zone <zone>]
  linli report - --out <report.html>        read the history from stdin

Draws one self-contained HTML file from an exported history: the 721 shares of every community, of every
grid and of every month against the target, the problems reported each month by the tier that resolved
them, the backlog and overdue problems at each month end and the list of those overdue now, the 12345
rates and satisfaction by month, the points ledger per community and the honour roll, each chart with its
figures in a table, communities and grids named from the directory where it names them. The file
needs nothing beside itself (no network, no script) and opens offline. Figures are judged at the last
event in the history, so the same history always gives the same file. The file appears under its name
only once complete.

Options:
  --out <file>          where to write the report ("-" writes it to stdout)
  --time-zone <zone>    the IANA time zone months are counted in; default ${DEFAULT_TIME_ZONE}
  --progress            draw the progress bar on stderr even when it is not a terminal
  -h, --help            show this help

The report never overwrites its history: an --out that is the history itself (another spelling of its
path, a symbolic or hard link to it) is refused.

Exit codes: 0 written, 2 history unreadable or not a history, output not writable (or a usage error, such
as an --out that is the history).`;

interface ReportArgs {
  readonly file: string;
  readonly out: string;
  readonly timeZone: string;
  readonly progress: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const parse = (args: readonly string[]): ReportArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'time-zone': { type: 'string' },
        progress: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`one history at a time, got ${positionals.length}`);
  const [file] = positionals;
  if (file === undefined) throw new UsageError('which history? give a history file, or - for stdin');
  if (values.out === undefined) throw new UsageError('where to? give --out <report.html>');
  const timeZone = values['time-zone'] ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new UsageError(`unknown time zone ${timeZone}: give an IANA name such as Asia/Shanghai`);
  }
  return { file, out: values.out, timeZone, progress: values.progress };
};

const fileSize = async (file: string): Promise<number | undefined> => {
  try {
    return (await stat(file)).size;
  } catch {
    // The reader reports a missing or unreadable file with a proper message; the bar just has no total.
    return undefined;
  }
};

/**
 * `linli report`: draws a self-contained HTML report from a history file. Exit 0 when written; 2 when the
 * history cannot be read (the reader's message, naming the line) or the report cannot be written.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'draw a self-contained HTML report (721 shares, monthly resolutions, backlog, overdue, 12345 rates, points, honours)',
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
    const options = parse(args);
    const stdin = options.file === '-';
    const toFile = options.out !== '-';
    const partial = `${options.out}.partial`;
    if (toFile) {
      // Writing the report must never touch the history: refuse before a byte is written.
      const history = stdin ? ({ stdin: true } as const) : options.file;
      for (const target of [options.out, partial]) {
        if (await isSameFile(history, target)) {
          throw new UsageError(
            `--out ${options.out} would overwrite the history ${stdin ? '(stdin)' : options.file}${target === partial ? ` (through ${partial})` : ''}: write the report elsewhere`,
          );
        }
      }
      // Find out now, not after reading the whole history, that the report cannot be written.
      try {
        await writeFile(partial, '');
      } catch (error) {
        io.stderr.write(`linli report: cannot write ${options.out}: ${messageOf(error)}\n`);
        return EXIT.unreadable;
      }
    }
    const totalBytes = stdin ? undefined : await fileSize(options.file);
    const progress = new Progress(io, {
      force: options.progress,
      label: 'events read',
      ...(totalBytes === undefined ? {} : { totalBytes }),
    });
    let html: string;
    let summary: string;
    try {
      const data = await buildReport(stdin ? process.stdin : options.file, {
        timeZone: options.timeZone,
        onProgress: ({ events, bytes }) => progress.update(events, bytes),
      });
      progress.done(data.history.events, totalBytes);
      html = renderReportHtml(data);
      summary = `${formatCount(data.total.reported)} problems, ${data.communities.length} communities, ${data.months.length} months, as at ${data.asOf ?? 'no events'}`;
      if (data.history.integrity.length > 0) {
        io.stderr.write(`linli report: warning: ${data.history.integrity.join('; ')}\n`);
      }
      if (data.history.skipped > 0) {
        io.stderr.write(
          `linli report: warning: ${formatCount(data.history.skipped)} events are not valid linli events and were left out (first at line ${data.history.firstSkipped[0]?.line ?? '?'}); run linli audit\n`,
        );
      }
    } catch (error) {
      if (toFile) await rm(partial, { force: true });
      if (!isHistoryReadError(error)) throw error;
      const prefix = error.line === undefined ? '' : `${stdin ? 'stdin' : options.file}: `;
      io.stderr.write(`linli report: ${prefix}${error.message}\n`);
      return EXIT.unreadable;
    }
    if (!toFile) {
      io.stdout.write(html);
      return EXIT.ok;
    }
    try {
      await writeFile(partial, html, 'utf8');
      await rename(partial, options.out);
    } catch (error) {
      await rm(partial, { force: true });
      io.stderr.write(`linli report: cannot write ${options.out}: ${messageOf(error)}\n`);
      return EXIT.unreadable;
    }
    io.stderr.write(`wrote ${options.out}: ${summary}\n`);
    return EXIT.ok;
  },
};
