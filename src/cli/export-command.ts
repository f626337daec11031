import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportHistory } from '../audit/export-history.js';
import { EXIT, UsageError, type CliCommand, type CliIo, type ExitCode } from './cli-command.js';
import { Progress } from './progress.js';
import {
  StoreUnavailableError,
  openStore,
  storeChoice,
  storeFailure,
  type StoreChoice,
} from './store-options.js';

const USAGE = `Usage:
  linli export --postgres <url> [--schema <name>] [--out <history.jsonl>]
  linli export --esdb <url> [--out <history.jsonl>]

Writes the store's whole history as JSON Lines in global order, one event a line, with a trailing line
holding the event count and the sha256 digest of the file. Without --out the history goes to stdout.
The file appears under its name only once complete.

Options:
  --out <file>   where to write the history
  --progress     draw the progress counter on stderr even when it is not a terminal
  -h, --help     show this help

Exit codes: 0 exported, 2 store unreadable (or a usage error).`;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface ExportArgs {
  readonly store: StoreChoice;
  readonly out?: string;
  readonly progress: boolean;
}

const parse = (args: readonly string[]): ExportArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        progress: { type: 'boolean', default: false },
        postgres: { type: 'string' },
        esdb: { type: 'string' },
        schema: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const store = storeChoice(values);
  if (store === undefined) throw new UsageError('which store? give --postgres <url> or --esdb <url>');
  return { store, progress: values.progress, ...(values.out === undefined ? {} : { out: values.out }) };
};

/** `linli export`: writes a store's history as a JSON Lines file (or to stdout). */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: "write a store's whole history as JSON Lines with a trailing digest",
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
    const options = parse(args);
    const toFile = options.out !== undefined && options.out !== '-';
    const partial = toFile ? `${options.out}.partial` : undefined;
    if (partial !== undefined) {
      // Find out now, not after reading half the store, that the file cannot be written.
      try {
        await writeFile(partial, '');
      } catch (error) {
        io.stderr.write(`linli export: cannot write ${options.out}: ${messageOf(error)}\n`);
        return EXIT.unreadable;
      }
    }
    const progress = new Progress(io, { force: options.progress, label: 'events exported' });
    try {
      const store = await openStore(options.store);
      try {
        const result = await exportHistory(store, partial ?? process.stdout, {
          onProgress: (events) => progress.update(events),
        });
        progress.done(result.events);
        if (partial !== undefined && options.out !== undefined) {
          await rename(partial, options.out);
          io.stderr.write(`exported ${result.events} events to ${options.out} (${result.digest})\n`);
        }
        return EXIT.ok;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EPIPE') {
          throw new StoreUnavailableError('the output was closed before the export finished');
        }
        throw storeFailure(options.store, error);
      } finally {
        await store.close().catch(() => undefined);
      }
    } catch (error) {
      if (partial !== undefined) await rm(partial, { force: true });
      if (!(error instanceof StoreUnavailableError)) throw error;
      io.stderr.write(`linli export: ${error.message}\n`);
      return EXIT.unreadable;
    }
  },
};
