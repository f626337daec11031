/** The small world organisation commands are drawn from: one community, a unit, people and organisations. */
export interface OrganisationWorld {
  readonly community: string;
  readonly unit: string;
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly epoch: string;
}

/** A community with two organisations and four people; the epoch is the first command's time. */
export const defaultOrganisationWorld: OrganisationWorld = {
  community: 'longtanzi-c1',
  unit: 'grid-1',
  people: ['resident-1', 'resident-2', 'resident-3', 'staff-community'],
  organisations: ['org-property', 'org-volunteers'],
  epoch: '2026-03-01T00:00:00.000Z',
};
