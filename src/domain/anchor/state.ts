/** A ledger's checkpoints so far: how many, and how many events of the log the last one covers. */
export interface AnchorState {
  readonly anchors: number;
  readonly covered: number;
}

/** A ledger with no checkpoint yet. */
export const initialAnchorState: AnchorState = { anchors: 0, covered: 0 };
