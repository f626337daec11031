import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { HistoryAnchor } from '../domain/anchor/events.js';
import type { CommandContextInput } from '../domain/shared/context.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { anchorStream } from '../domain/shared/ids.js';
import type { EventStore } from '../store/event-store.js';
import { CoverageTracker, DEFAULT_ANCHOR_LOOKBACK } from './coverage.js';
import { signAnchor, type AnchorSigner } from './signing.js';

/** The ledger checkpoints are kept in unless configured otherwise: stream `anchor-main`. */
export const DEFAULT_ANCHOR_LEDGER = 'main';

/** Options of a {@link HistoryAnchorer}. */
export interface HistoryAnchorerOptions {
  /** The ledger (stream `anchor-<ledger>`); default {@link DEFAULT_ANCHOR_LEDGER}. */
  readonly ledger?: string;
  /** Signs every checkpoint with this Ed25519 key; left out, checkpoints are unsigned. */
  readonly signer?: AnchorSigner;
  /**
   * {@link HistoryAnchorer.anchorIfDue} anchors once this many events were appended since the last
   * checkpoint. Configuration with no default: no field report says how often a ledger is anchored.
   */
  readonly every?: number;
  /** As the audit's lookback: how far back the anchorer keeps events; default {@link DEFAULT_ANCHOR_LOOKBACK}. */
  readonly lookback?: number;
}

/** What the anchorer needs of the facade: the store to read, and `execute` to record the checkpoint. */
export interface AnchorTarget {
  readonly store: EventStore;
  execute(command: unknown, context: unknown): Promise<Either<DomainError, readonly unknown[]>>;
}

const isAnchorEvent = (streamId: string, type: string): boolean =>
  streamId.startsWith(anchorStream('')) && type === 'HistoryAnchored';

/**
 * Records `HistoryAnchored` checkpoints of a store's log: it follows the log (reading only what it has not
 * read), computes the history digest of everything so far and the heads moved since the last checkpoint,
 * signs them if given a key, and records them with `AnchorHistory` through the facade, so the checkpoint is
 * decided and chained like any event. Checkpoints another anchorer recorded are followed too. One anchorer
 * per ledger; the audit checks whatever any of them recorded.
 */
export class HistoryAnchorer {
  private readonly tracker: CoverageTracker;
  private readonly ledger: string;
  private next: bigint | undefined;
  private covered = 0;

  /** Creates an anchorer over the facade's store. */
  constructor(
    private readonly target: AnchorTarget,
    private readonly options: HistoryAnchorerOptions = {},
  ) {
    this.tracker = new CoverageTracker(options.lookback ?? DEFAULT_ANCHOR_LOOKBACK);
    this.ledger = options.ledger ?? DEFAULT_ANCHOR_LEDGER;
    if (options.every !== undefined && (!Number.isSafeInteger(options.every) || options.every < 1)) {
      throw new RangeError(`every must be a positive integer: ${options.every}`);
    }
  }

  /** The number of events of the log read so far. */
  get events(): number {
    return this.tracker.count;
  }

  /** Reads the events appended since the last call. */
  async catchUp(): Promise<void> {
    const from = this.next === undefined ? {} : { fromPosition: this.next };
    for await (const event of this.target.store.readAll(from)) {
      this.tracker.push(event);
      this.next = event.position + 1n;
      if (isAnchorEvent(event.streamId, event.type)) {
        const { events } = event.data as { readonly events?: unknown };
        if (typeof events === 'number') {
          this.tracker.commit(events);
          this.covered = Math.max(this.covered, events);
        }
      }
    }
  }

  /**
   * Records a checkpoint of the whole log now (on demand): `Right(the checkpoint)`, `Right(undefined)` when
   * nothing was appended since the last one, or the refusal (`forbidden` for an actor who may not anchor).
   */
  async anchor(context: CommandContextInput): Promise<Either<DomainError, HistoryAnchor | undefined>> {
    await this.catchUp();
    const events = this.tracker.count;
    if (events <= this.covered) return right(undefined);
    const view = this.tracker.viewAt(events);
    if (typeof view === 'string') return left(domainError('conflict', `the log cannot be anchored: ${view}`));
    const unsigned: HistoryAnchor = {
      ledger: this.ledger,
      events,
      digest: view.digest,
      heads: [...view.heads],
    };
    const { signer } = this.options;
    const data = signer === undefined ? unsigned : { ...unsigned, signature: signAnchor(unsigned, signer) };
    const recorded = await this.target.execute({ type: 'AnchorHistory', data }, context);
    if (isLeft(recorded)) return recorded;
    return right(data);
  }

  /** Records a checkpoint when `every` events were appended since the last one; otherwise `Right(undefined)`. */
  async anchorIfDue(context: CommandContextInput): Promise<Either<DomainError, HistoryAnchor | undefined>> {
    const { every } = this.options;
    if (every === undefined) return right(undefined);
    await this.catchUp();
    return this.tracker.count - this.covered >= every ? this.anchor(context) : right(undefined);
  }
}
