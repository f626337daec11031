import { expect, it } from 'vitest';
import { main } from '../../examples/tasks-and-points.js';

it('examples/tasks-and-points: tasks verified and paid, a redemption, the board, ledger and honour roll', async () => {
  const result = await main();
  expect(result.paid).toEqual(['TaskVerified', 'PointsEarned']);
  // The bulb task still has two free slots; the directed greening task is full.
  expect(result.board).toEqual(['t-bulb']);
  expect(result.balances).toEqual({ 'res-1024': 5, 'res-2048': 2 });
  expect(result.outstanding).toBe(7);
  expect(result.honour).toEqual([
    { rank: 1, residentId: 'res-2048', points: 10 },
    { rank: 2, residentId: 'res-1024', points: 5 },
  ]);
});
