/**
 * Governance histories with checkpoints, recorded by the real HistoryAnchorer through the CommandHandler,
 * and the forgers that attack them: one who edits an event and re-chains, one who also recomputes every
 * checkpoint's digest and heads (a wholesale rewrite, digest included), with or without a key of their own.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { CoverageTracker } from '../../../src/anchoring/coverage.js';
import { HistoryAnchorer } from '../../../src/anchoring/history-anchorer.js';
import { signAnchor, type AnchorSigner } from '../../../src/anchoring/signing.js';
import { eventHash } from '../../../src/audit/hash-chain.js';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { anchorAggregate } from '../../../src/domain/anchor/aggregate.js';
import type { HistoryAnchor } from '../../../src/domain/anchor/events.js';
import { GENESIS_HASH, type EventMetadata } from '../../../src/domain/shared/events.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { buildGovernanceHistory, type GovernancePlan } from './governance.js';
import { toRecorded, type EventLine } from './history-text.js';

/** A fresh Ed25519 key pair, as a deployment would keep one (the private half outside the history). */
export const newSigner = (keyId = 'street-office-2026'): AnchorSigner & { publicKey: KeyObject } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId, privateKey, publicKey };
};

const ANCHORER = { id: 'anchorer', role: 'system' as const, scope: ['*'] };

/**
 * A governance history copied event by event into a new store, a checkpoint recorded by the anchorer
 * every `every` events and one at the end, signed when a signer is given.
 */
export const anchoredHistory = async (
  plan: GovernancePlan,
  every: number,
  signer?: AnchorSigner,
): Promise<InMemoryEventStore> => {
  const source = await buildGovernanceHistory(plan);
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store);
  const anchorer = new HistoryAnchorer(
    {
      store,
      execute: async (command, context) => {
        const result = await handler.handle(anchorAggregate, command, context);
        return isLeft(result) ? result : right(result.right.events);
      },
    },
    { every, ...(signer === undefined ? {} : { signer }) },
  );
  let last = '';
  let n = 0;
  const anchor = async (due: boolean): Promise<void> => {
    n += 1;
    const context = { actor: ANCHORER, now: last, commandId: `anchor-${n}` };
    const result = due ? await anchorer.anchorIfDue(context) : await anchorer.anchor(context);
    if (isLeft(result)) throw new Error(`the checkpoint was refused: ${result.left.message}`);
  };
  for await (const event of source.readAll()) {
    await store.appendToStream(event.streamId, [
      { type: event.type, data: event.data, metadata: event.metadata },
    ]);
    last = event.metadata.occurredAt;
    await anchor(true);
  }
  await anchor(false);
  return store;
};

/** Re-hashes a line on top of its stream's head, as a forger who knows the algorithm does. */
const chainOnto = (
  line: EventLine,
  heads: Map<string, { revision: bigint; hash: string }>,
  index: number,
): EventLine => {
  const head = heads.get(line.streamId);
  const revision = head === undefined ? 0n : head.revision + 1n;
  const metadata = { ...line.metadata, previousHash: head?.hash ?? GENESIS_HASH };
  const hash = eventHash({
    streamId: line.streamId,
    revision,
    type: line.type,
    data: line.data,
    metadata: metadata as Omit<EventMetadata, 'hash'>,
  });
  heads.set(line.streamId, { revision, hash });
  return { ...line, position: String(index), revision: String(revision), metadata: { ...metadata, hash } };
};

/** What the forger does to each checkpoint's signature once its digest and heads are recomputed. */
export type SignatureForgery = 'keep' | 'strip' | { readonly signer: AnchorSigner };

/**
 * A wholesale rewrite: every event re-chained, and every checkpoint's count, digest and heads recomputed
 * for the rewritten log (the signature kept, stripped, or made with the forger's own key), so the chain,
 * the digests and the heads all agree. Only a key the forger does not hold can tell.
 */
export const rewriteWholesale = (events: readonly EventLine[], signature: SignatureForgery): EventLine[] => {
  const tracker = new CoverageTracker();
  const heads = new Map<string, { revision: bigint; hash: string }>();
  return events.map((original, index) => {
    let line = original;
    if (line.type === 'HistoryAnchored') {
      const view = tracker.viewAt(tracker.count);
      if (typeof view === 'string') throw new Error(`cannot recompute the checkpoint: ${view}`);
      const old = line.data as HistoryAnchor;
      const unsigned: HistoryAnchor = {
        ledger: old.ledger,
        events: view.events,
        digest: view.digest,
        heads: [...view.heads],
      };
      const data =
        signature === 'strip'
          ? unsigned
          : signature === 'keep'
            ? { ...unsigned, ...(old.signature === undefined ? {} : { signature: old.signature }) }
            : { ...unsigned, signature: signAnchor(unsigned, signature.signer) };
      line = { ...line, data };
    }
    const chained = chainOnto(line, heads, index);
    tracker.push(toRecorded(chained));
    if (chained.type === 'HistoryAnchored') tracker.commit((chained.data as HistoryAnchor).events);
    return chained;
  });
};
