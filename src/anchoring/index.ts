/** Checkpoints of the log: the anchorer that records them, the coverage they are computed from, signing. */
export { CoverageTracker, DEFAULT_ANCHOR_LOOKBACK, type CoverageView } from './coverage.js';
export {
  DEFAULT_ANCHOR_LEDGER,
  HistoryAnchorer,
  type AnchorTarget,
  type HistoryAnchorerOptions,
} from './history-anchorer.js';
export {
  anchorSignatureVerdict,
  anchorSignedBytes,
  readAnchorPublicKey,
  signAnchor,
  type AnchorSigner,
} from './signing.js';
