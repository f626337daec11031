import { expect, it } from 'vitest';
import { main } from '../../examples/quick-start.js';

it('examples/quick-start: one problem escalated to the community, resolved and rated', async () => {
  const figures = await main();
  expect(figures.reported).toBe(1);
  expect(figures.resolvedByTier).toEqual({ grid: 0, community: 1, street: 0, department: 0 });
  expect(figures.shares.community.share).toBe(1);
  expect(figures.satisfactionRate).toBe(1);
  expect(figures.hoursToResolve.median).toBeCloseTo(51.25);
});
