import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { DomainError } from '../domain/shared/errors.js';
import { parseEventMetadata, parseEventMetadataWithComputedHashes } from '../domain/shared/event-metadata.js';
import type { DomainEvent } from '../domain/shared/events.js';
import type { RecordedEvent } from '../store/event-store.js';
import type { AuditSummary, DomainFigures } from './audit-summary.js';
import { ChainVerifier } from './chain-verifier.js';
import { AnchorChecker, type DigestAnchor } from './digest-anchors.js';
import type { HistoryReadFailure } from './history-read-error.js';
import { HistoryDigester } from './history-digest.js';
import { unknownFields } from './unknown-fields.js';
import { violationAt, type EventLocation, type Violation, type ViolationCode } from './violation.js';

/** Anything that parses stored events of one family: a `MessageCatalogue` of events. */
export interface EventCatalogue {
  parse(
    message: unknown,
    options?: { readonly schemaVersion?: number; readonly errorCode?: 'invalid-command' | 'invalid-event' },
  ): Either<DomainError, DomainEvent>;
  /** The current schema version of a type: only data written at it can be compared field by field. */
  schemaVersion(type: string): number;
}

/** The catalogue of the streams whose name starts with `prefix` (`problem-`). */
export interface StreamCatalogue {
  readonly prefix: string;
  readonly events: EventCatalogue;
}

/** An event as checks see it: parsed by its catalogue (data as the schema outputs it), with its record. */
export interface AuditedEvent extends DomainEvent {
  readonly recorded: RecordedEvent;
  readonly at: EventLocation;
}

/**
 * How a check reports what it found: at the event it is looking at, unless it names another place (a check
 * that works in batches finds a fault after the event that caused it).
 */
export type ReportViolation = (code: ViolationCode, message: string, at?: EventLocation) => void;

/**
 * One domain rule (or a family of them) applied while replaying: it sees every event that passed its
 * schema, in global order, and keeps whatever state it needs, preferably bounded by the number of streams
 * or aggregates rather than events.
 */
export interface AuditCheck {
  readonly name: string;
  observe(event: AuditedEvent, report: ReportViolation): void;
  /**
   * Called with every event of the history, first, whether or not it parses: for checks over the whole log
   * (a checkpoint's digest covers malformed events too). `hashIsHex` vouches, as for `HistoryDigester.add`,
   * that the stored hash is well-formed: the chain verifier has just computed it.
   */
  see?(recorded: RecordedEvent, hashIsHex: boolean): void;
  /** Called once after the last event, for checks that hold back work; `at` is then required to locate. */
  finish?(report: ReportViolation): void;
  /** The figures this check contributes to the summary, asked once at the end, after `finish`. */
  figures?(): DomainFigures;
}

/** What an audit checks beyond the chain: which catalogue parses which streams, and the domain checks. */
export interface AuditRules {
  readonly catalogues: readonly StreamCatalogue[];
  /** Creates fresh (stateful) checks for one audit. */
  readonly checks: () => readonly AuditCheck[];
}

/** Options of an {@link Auditor}. */
export interface AuditorOptions {
  readonly rules: AuditRules;
  /** Violations kept in the result; the rest are only counted, so memory stays bounded. Default 1,000. */
  readonly maxViolations?: number;
  /** History digests recorded earlier that the history must still have at their positions. Default none. */
  readonly anchors?: readonly DigestAnchor[];
}

/** Why a history file could not be read to its end, as the `HistoryReadError` said. */
export interface AuditReadFailure {
  readonly failure: HistoryReadFailure;
  readonly message: string;
  /** The line the reading stopped at, when the problem is a line. */
  readonly line?: number;
}

/** What an audit found. */
export interface AuditResult {
  /** True when nothing was found wrong (and the whole history could be read). */
  readonly clean: boolean;
  /** The first `maxViolations` violations, in the order they were found. */
  readonly violations: readonly Violation[];
  /** All violations found, including those not kept. */
  readonly violationCount: number;
  readonly violationsByCode: Readonly<Partial<Record<ViolationCode, number>>>;
  readonly summary: AuditSummary;
  /**
   * Set when a history file broke off part-way (cut short, its trailer gone, a garbled line): the
   * violations and figures are those of the events before it, and the audit is not clean.
   */
  readonly readFailure?: AuditReadFailure;
}

const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash <= 0 ? streamId : streamId.slice(0, dash);
};

const schemaVersionOf = (metadata: unknown): number | undefined => {
  const version = (metadata as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined;
};

/**
 * Replays a history one event at a time, in global order: the hash chain and positions first (and the
 * running history digest, held to any anchors), then the metadata and data schemas, then the domain checks. Feed it with {@link Auditor.observe} and read
 * {@link Auditor.result} at the end; `audit()` and `auditHistoryFile()` do both for you.
 */
export class Auditor {
  private readonly chain = new ChainVerifier();
  private readonly digester = new HistoryDigester();
  private readonly anchors: AnchorChecker;
  private readonly checks: readonly AuditCheck[];
  private readonly logChecks: readonly AuditCheck[];
  private readonly catalogues: readonly StreamCatalogue[];
  private readonly kept: Violation[] = [];
  private readonly byCode: Partial<Record<ViolationCode, number>> = {};
  // A Map, not an object: a stream called `__proto__-1` must count, not rewire a prototype.
  private readonly categories = new Map<string, number>();
  private readonly maxViolations: number;
  private count = 0;
  private events = 0;
  private finished = false;
  private firstPosition: bigint | undefined;
  private lastPosition: bigint | undefined;

  /** Creates an auditor with fresh checks. */
  constructor(options: AuditorOptions) {
    this.checks = options.rules.checks();
    this.logChecks = this.checks.filter((check) => check.see !== undefined);
    // Longest prefix first, so that `task-board-` would win over `task-`.
    this.catalogues = [...options.rules.catalogues].sort((a, b) => b.prefix.length - a.prefix.length);
    this.maxViolations = options.maxViolations ?? 1_000;
    this.anchors = new AnchorChecker(options.anchors ?? []);
  }

  /** The number of events observed so far. */
  get observed(): number {
    return this.events;
  }

  /** The number of violations found so far. */
  get violationCount(): number {
    return this.count;
  }

  /** Records a violation found outside the replay (a file's digest, say). */
  add(violation: Violation): void {
    this.count += 1;
    this.byCode[violation.code] = (this.byCode[violation.code] ?? 0) + 1;
    if (this.kept.length < this.maxViolations) this.kept.push(violation);
  }

  /** Checks the next event of the history; `line` is its line in a history file, if it came from one. */
  observe(recorded: RecordedEvent, line?: number): void {
    // Written out, not spread: this runs for every event of the history.
    const at: EventLocation =
      line === undefined
        ? { streamId: recorded.streamId, revision: recorded.revision, position: recorded.position }
        : { streamId: recorded.streamId, revision: recorded.revision, position: recorded.position, line };
    this.events += 1;
    this.firstPosition ??= recorded.position;
    this.lastPosition = recorded.position;

    const streamsBefore = this.chain.streams;
    for (const violation of this.chain.check(recorded, at)) this.add(violation);
    // A hash the verifier computed itself is well-formed hex: the digester need not test it again.
    this.digester.add(recorded, this.chain.lastHashesComputed);
    const anchor = this.anchors.nextPosition;
    if (anchor !== undefined && recorded.position >= anchor) {
      this.anchors.observe(this.digester, at, (violation) => this.add(violation));
    }
    if (this.chain.streams > streamsBefore) {
      const category = categoryOf(recorded.streamId);
      this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
    }

    for (const check of this.logChecks) check.see?.(recorded, this.chain.lastHashesComputed);

    const metadata = this.chain.lastHashesComputed
      ? parseEventMetadataWithComputedHashes(recorded.metadata)
      : parseEventMetadata(recorded.metadata);
    if (!metadata.success) {
      this.add(violationAt('schema-violation', `invalid metadata: ${z.prettifyError(metadata.error)}`, at));
    }
    const parsed = this.parse(recorded, at);
    if (parsed === undefined) return;
    const event: AuditedEvent = { type: parsed.type, data: parsed.data, recorded, at };
    const report: ReportViolation = (code, message, where = at) =>
      this.add(violationAt(code, message, where));
    for (const check of this.checks) {
      try {
        check.observe(event, report);
      } catch (error) {
        report('replay-failed', `${check.name} failed on this event: ${String(error)}`);
      }
    }
  }

  /** Ends the audit: lets the checks finish what they held back, and returns the violations and figures. */
  result(): AuditResult {
    const historyDigest = this.digester.current;
    if (!this.finished) {
      this.finished = true;
      this.anchors.finish(historyDigest, (violation) => this.add(violation));
      const report: ReportViolation = (code, message, at) =>
        this.add(at === undefined ? { code, message } : violationAt(code, message, at));
      for (const check of this.checks) {
        try {
          check.finish?.(report);
        } catch (error) {
          report('replay-failed', `${check.name} failed at the end of the history: ${String(error)}`);
        }
      }
    }
    let figures: DomainFigures = {};
    for (const check of this.checks) figures = { ...figures, ...check.figures?.() };
    return {
      clean: this.count === 0,
      violations: [...this.kept],
      violationCount: this.count,
      violationsByCode: { ...this.byCode },
      summary: {
        events: this.events,
        streams: this.chain.streams,
        streamsByCategory: Object.fromEntries(this.categories),
        ...(this.firstPosition === undefined ? {} : { firstPosition: this.firstPosition }),
        ...(this.lastPosition === undefined ? {} : { lastPosition: this.lastPosition }),
        historyDigest,
        ...(this.anchors.outcomes.length === 0 ? {} : { anchors: this.anchors.outcomes }),
        ...figures,
      },
    };
  }

  private parse(recorded: RecordedEvent, at: EventLocation): DomainEvent | undefined {
    const catalogue = this.catalogues.find((c) => recorded.streamId.startsWith(c.prefix));
    if (catalogue === undefined) {
      this.add(violationAt('schema-violation', `no catalogue knows the stream ${recorded.streamId}`, at));
      return undefined;
    }
    const version = schemaVersionOf(recorded.metadata);
    const parsed = catalogue.events.parse(
      { type: recorded.type, data: recorded.data },
      version === undefined
        ? { errorCode: 'invalid-event' }
        : { schemaVersion: version, errorCode: 'invalid-event' },
    );
    if (isLeft(parsed)) {
      this.add(violationAt('schema-violation', parsed.left.message, at));
      return undefined;
    }
    // Data written at an older version was upcast, and upcasters may drop fields; the current version must
    // hold exactly what its schema knows.
    if (version === undefined || version === catalogue.events.schemaVersion(recorded.type)) {
      for (const path of unknownFields(recorded.data, parsed.right.data)) {
        this.add(
          violationAt(
            'unknown-field',
            `${recorded.type} carries ${path}, which its schema does not know`,
            at,
          ),
        );
      }
    }
    return parsed.right;
  }
}
