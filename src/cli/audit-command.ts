import type { KeyObject } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { audit, auditHistoryFile, type AuditOptions } from '../audit/audit.js';
import type { AuditResult } from '../audit/auditor.js';
import type { DigestAnchor } from '../audit/digest-anchors.js';
import { isHistoryReadError } from '../audit/history-read-error.js';
import { readAnchorPublicKey } from '../anchoring/signing.js';
import { createLinliAuditRules, linliAuditRules } from '../audit/linli-rules.js';
import { humanReport, jsonReport, toJson } from './audit-report.js';
import { EXIT, UsageError, type CliCommand, type CliIo, type ExitCode } from './cli-command.js';
import { Progress } from './progress.js';
import {
  StoreUnavailableError,
  openStore,
  redactUrl,
  storeChoice,
  storeFailure,
  type StoreChoice,
} from './store-options.js';

const USAGE = `Usage:
  linli audit <history.jsonl>          audit an exported history file ("-" reads stdin)
  linli audit --postgres <url> [--schema <name>]
  linli audit --esdb <url>

Replays the whole history: the hash chain of every stream, the event schemas, and the domain rules
(claims before verification, one award per verified claim, no negative balance, one-step escalations,
nothing after a close). Prints the summary figures, the history digest, and every violation with where it is.

The history digest is sha256 over the events' own hashes in global order: the same for a history wherever
it is stored (file, PostgreSQL, EventStoreDB), printed with the global position of the last event it covers.
Keep it as an anchor: a later audit given --expect-digest <position>:<digest> finds any event changed,
removed or inserted at or before that position. Events appended after it (forged ones too) change only the
digest at the end, so compare that as well. For a file, the file digest (its bytes, which the trailer
checks) is printed too; it depends on the file's positions and layout, the history digest does not.

A file that breaks off (cut short, its trailer removed, a garbled line) is audited as far as it goes:
the violations in the lines read are reported with where reading stopped, and the exit code is 2.

Options:
  --json                  print the report as JSON on stdout
  --expect-digest <position>:sha256:<hex>
                          the history digest at that global position must be this one (repeatable);
                          a different digest, or no event at that position, is a violation
  --public-key <file>     an Ed25519 public key (PEM): every HistoryAnchored checkpoint must be signed
                          with its private key, and the history must hold one; a history rewritten
                          wholesale after a checkpoint, digest included, no longer verifies. Without it,
                          checkpoints are held to the digest and heads only, which a forger can recompute
  --projections           also rebuild the read models (721 statistics, problem ledger) and report every
                          event they cannot apply; memory then grows with the history
  --progress              draw the progress bar on stderr even when it is not a terminal
  --max-violations <n>    list at most n violations (all are counted); default 1000
  -h, --help              show this help

Exit codes: 0 clean, 1 violations found, 2 input unreadable, not a history or cut short (what the lines
read show is still reported), or a usage error.`;

interface AuditArgs {
  readonly file?: string;
  readonly store?: StoreChoice;
  readonly json: boolean;
  readonly projections: boolean;
  readonly progress: boolean;
  readonly maxViolations?: number;
  readonly anchors: readonly DigestAnchor[];
  readonly publicKeyFile?: string;
  readonly publicKey?: KeyObject;
}

const ANCHOR = /^(\d+):(sha256:[0-9a-fA-F]{64})$/;

/** `<position>:sha256:<hex>`, as an audit report prints an anchor, or a usage error. */
const parseAnchor = (text: string): DigestAnchor => {
  const match = ANCHOR.exec(text.trim());
  if (match === null) {
    throw new UsageError(`--expect-digest wants <position>:sha256:<64 hex digits>, got ${text}`);
  }
  const [, position = '', digest = ''] = match;
  return { position: BigInt(position), digest: digest.toLowerCase() };
};

const parse = (args: readonly string[]): AuditArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        projections: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
        'max-violations': { type: 'string' },
        'expect-digest': { type: 'string', multiple: true },
        'public-key': { type: 'string' },
        postgres: { type: 'string' },
        esdb: { type: 'string' },
        schema: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const store = storeChoice(values);
  if (positionals.length > 1) throw new UsageError(`one history at a time, got ${positionals.length}`);
  const [file] = positionals;
  if (store !== undefined && file !== undefined)
    throw new UsageError('give a history file or a store, not both');
  if (store === undefined && file === undefined)
    throw new UsageError('what should be audited? give a history file, --postgres or --esdb');
  let maxViolations: number | undefined;
  if (values['max-violations'] !== undefined) {
    maxViolations = Number(values['max-violations']);
    if (!Number.isSafeInteger(maxViolations) || maxViolations < 0) {
      throw new UsageError(`--max-violations wants a whole number, got ${values['max-violations']}`);
    }
  }
  return {
    ...(file === undefined ? {} : { file }),
    ...(store === undefined ? {} : { store }),
    json: values.json,
    projections: values.projections,
    progress: values.progress,
    ...(maxViolations === undefined ? {} : { maxViolations }),
    anchors: (values['expect-digest'] ?? []).map(parseAnchor),
    ...(values['public-key'] === undefined ? {} : { publicKeyFile: values['public-key'] }),
  };
};

const auditOptions = (options: AuditArgs): AuditOptions => ({
  rules:
    options.publicKey !== undefined
      ? createLinliAuditRules(
          {},
          { projections: options.projections, anchors: { publicKey: options.publicKey } },
        )
      : options.projections
        ? createLinliAuditRules({}, { projections: true })
        : linliAuditRules,
  ...(options.maxViolations === undefined ? {} : { maxViolations: options.maxViolations }),
  anchors: options.anchors,
});

const fileSize = async (file: string): Promise<number | undefined> => {
  try {
    return (await stat(file)).size;
  } catch {
    // The reader reports a missing or unreadable file with a proper message; the bar just has no total.
    return undefined;
  }
};

const auditFile = async (file: string, options: AuditArgs, io: CliIo): Promise<AuditResult> => {
  const stdin = file === '-';
  const totalBytes = stdin ? undefined : await fileSize(file);
  const progress = new Progress(io, {
    force: options.progress,
    label: 'events audited',
    ...(totalBytes === undefined ? {} : { totalBytes }),
  });
  const result = await auditHistoryFile(stdin ? process.stdin : file, {
    ...auditOptions(options),
    onProgress: ({ events, bytes }) => progress.update(events, bytes),
  });
  progress.done(result.summary.events, totalBytes);
  return result;
};

const auditStore = async (choice: StoreChoice, options: AuditArgs, io: CliIo): Promise<AuditResult> => {
  const store = await openStore(choice);
  const progress = new Progress(io, { force: options.progress, label: 'events audited' });
  try {
    const result = await audit(store.readAll(), {
      ...auditOptions(options),
      onProgress: ({ events }) => progress.update(events),
    });
    progress.done(result.summary.events);
    return result;
  } catch (error) {
    throw storeFailure(choice, error);
  } finally {
    await store.close().catch(() => undefined);
  }
};

/** Reads the `--public-key` file, if any: a usage error when it is not an Ed25519 public key. */
const withPublicKey = async (options: AuditArgs): Promise<AuditArgs> => {
  if (options.publicKeyFile === undefined) return options;
  try {
    return { ...options, publicKey: await readAnchorPublicKey(options.publicKeyFile) };
  } catch (error) {
    throw new UsageError(`--public-key: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** `linli audit`: replays a history file or a store and reports; exit 0 clean, 1 violations, 2 unreadable. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'replay a history (file or store) and report every violation and the summary figures',
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
    const options = await withPublicKey(parse(args));
    const source = options.file ?? (options.store === undefined ? '' : redactUrl(options.store.url));
    let result: AuditResult;
    try {
      result =
        options.file !== undefined
          ? await auditFile(options.file, options, io)
          : await auditStore(options.store as StoreChoice, options, io);
    } catch (error) {
      if (!isHistoryReadError(error) && !(error instanceof StoreUnavailableError)) throw error;
      // A message about a line needs the file's name; the others already name the file or the store.
      const lineOf = isHistoryReadError(error) ? error.line : undefined;
      const prefix = lineOf === undefined ? '' : `${options.file === '-' ? 'stdin' : source}: `;
      io.stderr.write(`linli audit: ${prefix}${error.message}\n`);
      if (options.json) {
        const failure = isHistoryReadError(error)
          ? { failure: error.failure, ...(error.line === undefined ? {} : { line: error.line }) }
          : { failure: 'unreadable' };
        io.stdout.write(`${toJson({ source, error: { ...failure, message: error.message } })}\n`);
      }
      return EXIT.unreadable;
    }
    const { readFailure } = result;
    if (readFailure !== undefined) {
      const prefix = readFailure.line === undefined ? '' : `${options.file === '-' ? 'stdin' : source}: `;
      io.stderr.write(`linli audit: ${prefix}${readFailure.message}\n`);
    }
    io.stdout.write(options.json ? jsonReport(source, result) : humanReport(source, result));
    if (readFailure !== undefined) return EXIT.unreadable;
    return result.clean ? EXIT.ok : EXIT.violations;
  },
};
