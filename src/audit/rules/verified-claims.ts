/** A verified claim as its `TaskVerified` recorded it: what a `PointsEarned` must match. */
export interface VerifiedClaim {
  readonly taskId: string;
  readonly residentId: string;
  readonly points: number;
  /** Where the `TaskVerified` is, for messages. */
  readonly streamId: string;
  readonly revision: bigint;
}

/** Where the award of a claim was recorded. */
export interface AwardLocation {
  readonly streamId: string;
  readonly revision: bigint;
}

/**
 * The verified claims seen so far, by the event id of their `TaskVerified`, and which of them were paid.
 * This is the one cross-stream memory of the audit: it grows with the number of verified claims, which a
 * points award must be able to look up whenever it comes.
 */
export class VerifiedClaims {
  private readonly claims = new Map<string, VerifiedClaim>();
  private readonly awards = new Map<string, AwardLocation>();

  /** Records the claim a `TaskVerified` verified. */
  verified(eventId: string, claim: VerifiedClaim): void {
    this.claims.set(eventId, claim);
  }

  /** The claim verified by the event `eventId`, if such a `TaskVerified` came before. */
  claim(eventId: string): VerifiedClaim | undefined {
    return this.claims.get(eventId);
  }

  /** Where the claim was already paid, if it was. */
  award(eventId: string): AwardLocation | undefined {
    return this.awards.get(eventId);
  }

  /** Records that the claim was paid at `location` (the first award only). */
  paid(eventId: string, location: AwardLocation): void {
    if (!this.awards.has(eventId)) this.awards.set(eventId, location);
  }
}
