import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { whistlePolicy } from '../../examples/property-testing.js';
import { main, whistleProperty } from '../../examples/property-testing.js';

it('examples/property-testing: the whistle policy holds over generated lifecycles', async () => {
  await expect(main(40)).resolves.toBeUndefined();
});

it('examples/property-testing: the same property catches a policy that pages on every escalation', async () => {
  const pagesTooOften: typeof whistlePolicy = (events) =>
    events.filter((e) => e.type === 'ProblemEscalated').map((e) => e.metadata.eventId);
  const result = await fc.check(whistleProperty(pagesTooOften), { numRuns: 200 });
  expect(result.failed).toBe(true);
});
