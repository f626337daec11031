/** Where a partnership stands: agreed (the partner's term running), sharing revenue, or ended. */
export type PartnershipStatus = 'agreed' | 'sharing' | 'ended';

/** A partnership never agreed. */
export interface UnagreedPartnership {
  readonly status: 'unagreed';
}

/** An agreed partnership. */
export interface AgreedPartnership {
  readonly status: PartnershipStatus;
  readonly partnershipId: string;
  readonly street: string;
  readonly community: string;
  readonly partnerId: string;
  readonly termEnd: string;
  readonly revenueSharePercent?: number | undefined;
  readonly contributions: ReadonlySet<string>;
  readonly receivedFen: number;
}

/** The state of a Partnership aggregate. */
export type PartnershipState = UnagreedPartnership | AgreedPartnership;

/** The state before `PartnershipAgreed`. */
export const initialPartnershipState: PartnershipState = { status: 'unagreed' };
