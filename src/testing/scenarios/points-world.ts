import type { RedemptionItem } from '../../domain/points/events.js';
import type { ActorInput } from './task-world.js';

/** The account random points histories play on: one resident of one community, and who else acts. */
export interface PointsWorld {
  readonly residentId: string;
  readonly community: string;
  readonly otherCommunity: string;
  /** Another resident, who must not touch this resident's account. */
  readonly neighbourId: string;
  /** When the first entry is made; every later instant is measured from here. */
  readonly epoch: string;
}

/** A world on one resident of Bairuijing community. */
export const defaultPointsWorld: PointsWorld = {
  residentId: 'resident-1',
  community: 'community-bairuijing',
  otherCommunity: 'community-longtanzi',
  neighbourId: 'resident-2',
  epoch: '2026-03-01T08:00:00.000Z',
};

/**
 * Everyone who might send a points command: the resident, a neighbour, community staff, an administrator
 * of the community and one of another, the points policy (answering for the community) and a system actor
 * with an empty scope (denied, as every role is by default), and the resident acting as administrator (who
 * must not adjust or award their own account).
 */
export const pointsActors = (world: PointsWorld): readonly ActorInput[] => [
  { id: world.residentId, role: 'resident' },
  { id: world.neighbourId, role: 'resident' },
  { id: 'staff-community', role: 'community-staff', scope: [world.community] },
  { id: 'admin-community', role: 'administrator', scope: [world.community] },
  { id: 'admin-elsewhere', role: 'administrator', scope: [world.otherCommunity] },
  { id: 'points-policy', role: 'system', scope: [world.community] },
  { id: 'unscoped-system', role: 'system' },
  { id: world.residentId, role: 'administrator', scope: [world.community] },
];

/** Goods offered at a quarterly redemption event, with their unit price in points. */
export const REDEMPTION_GOODS: readonly Omit<RedemptionItem, 'quantity'>[] = [
  { sku: 'paper-12', name: 'tissue-paper-12-rolls', points: 10 },
  { sku: 'soap-2kg', name: 'laundry-detergent-2kg', points: 15 },
  { sku: 'oil-5l', name: 'cooking-oil-5L', points: 30 },
  { sku: 'rice-10kg', name: 'rice-10kg', points: 40 },
  { sku: 'pot-26cm', name: 'non-stick-pot', points: 80 },
];
