/** The small world responsibility commands are drawn from: one problem's place, people and organisations. */
export interface ResponsibilityWorld {
  readonly street: string;
  readonly community: string;
  readonly grid: string;
  readonly people: readonly string[];
  readonly departments: readonly string[];
  readonly companies: readonly string[];
}

/** A street, community and grid with three people, two departments and a property company. */
export const defaultResponsibilityWorld: ResponsibilityWorld = {
  street: 'st-1',
  community: 'c-1',
  grid: 'c-1.g1',
  people: ['cadre-a', 'cadre-b', 'secretary'],
  departments: ['water-bureau', 'forestry'],
  companies: ['pm-1'],
};
