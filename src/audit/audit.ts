import type { RecordedEvent } from '../store/event-store.js';
import { Auditor, type AuditResult, type AuditRules } from './auditor.js';
import type { DigestAnchor } from './digest-anchors.js';
import { isHistoryReadError } from './history-read-error.js';
import { linliAuditRules } from './linli-rules.js';
import { readHistory, type HistorySource } from './read-history.js';

/** Options of {@link audit} and {@link auditHistoryFile}. */
export interface AuditOptions {
  /** Catalogues and domain checks; defaults to linli's four aggregates ({@link linliAuditRules}). */
  readonly rules?: AuditRules;
  /** Violations kept in the result; the rest are only counted. Default 1,000. */
  readonly maxViolations?: number;
  /**
   * History digests recorded earlier, each of which the history must still have at its position
   * (violations `anchor-mismatch`, `anchor-not-reached`). Default none.
   */
  readonly anchors?: readonly DigestAnchor[];
  /** Called after each event with the number audited so far and, for a file, the bytes read so far. */
  readonly onProgress?: (progress: { readonly events: number; readonly bytes?: number }) => void;
}

const auditor = (options: AuditOptions): Auditor =>
  new Auditor({
    rules: options.rules ?? linliAuditRules,
    ...(options.maxViolations === undefined ? {} : { maxViolations: options.maxViolations }),
    ...(options.anchors === undefined ? {} : { anchors: options.anchors }),
  });

/**
 * Audits a history by replaying it in global order (a store's `readAll()`, or any iterable of recorded
 * events): the hash chain and positions, the schemas, and the domain rules, each violation with its
 * stream, revision and position; and the summary figures. Memory grows with the number of streams and
 * aggregates, not with the number of events.
 */
export const audit = async (
  history: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  options: AuditOptions = {},
): Promise<AuditResult> => {
  const checker = auditor(options);
  for await (const event of history) {
    checker.observe(event);
    options.onProgress?.({ events: checker.observed });
  }
  return checker.result();
};

/**
 * Audits a JSON Lines history file (see `exportHistory`): everything {@link audit} checks, each violation
 * with its line too, plus the trailer's file digest and count. A file that breaks off after some events
 * (cut short, its trailer gone, a garbled line) is audited as far as it goes: the result holds what was
 * found in those events and, in `readFailure`, where and why reading stopped. A file that is not a history
 * at all (missing, empty, not a history from its first line) throws a `HistoryReadError` naming the line.
 */
export const auditHistoryFile = async (
  source: HistorySource,
  options: AuditOptions = {},
): Promise<AuditResult> => {
  const checker = auditor(options);
  const reader = readHistory(source);
  try {
    for await (const batch of reader.batches()) {
      for (const { event, line, offset } of batch) {
        checker.observe(event, line);
        options.onProgress?.({ events: checker.observed, bytes: offset });
      }
    }
  } catch (error) {
    // What the events before the break show is still evidence; with none, this is not a history at all.
    if (!isHistoryReadError(error) || checker.observed === 0) throw error;
    const readFailure = {
      failure: error.failure,
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line }),
    };
    return { ...checker.result(), clean: false, readFailure };
  }
  const { integrity } = reader;
  for (const violation of integrity.violations) checker.add(violation);
  const result = checker.result();
  return { ...result, summary: { ...result.summary, fileDigest: integrity.digest } };
};
