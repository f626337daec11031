/**
 * Property-testing your own policy on top of linli, with the arbitraries from `linli/testing`.
 *
 * Suppose your system pages the street office whenever a problem reaches the street or a department (a
 * "whistle", 吹哨), and must never page twice for the same climb. The policy below reads linli's events;
 * the property drives many generated problem lifecycles through the real facade and checks the policy
 * against a count made straight from the recorded escalations.
 *
 * Run it: npx tsx examples/property-testing.ts   (or put the property in your own vitest file)
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { createGovernance, linliEventParser, type LinliEvent, type Recorded } from 'linli';
import {
  directoryOfPaths,
  interleaveByTime,
  problemLifecyclesArbitrary,
  recordDirectory,
} from 'linli/testing';

/** Your policy: the pages to send for a batch of linli events (one per climb to street or department). */
export const whistlePolicy = (events: readonly Recorded<LinliEvent>[]): string[] =>
  events.flatMap((event) =>
    event.type === 'ProblemEscalated' &&
    (event.data.toTier === 'street' || event.data.toTier === 'department')
      ? [`page ${event.data.toTier} about ${event.data.problemId} (event ${event.metadata.eventId})`]
      : [],
  );

/** The property, ready for `fc.assert`: the policy pages exactly once per climb past the community. */
export const whistleProperty = (policy: typeof whistlePolicy = whistlePolicy) =>
  fc.asyncProperty(problemLifecyclesArbitrary({ minLength: 1, maxLength: 6 }), async (lifecycles) => {
    const gov = createGovernance();
    // Problems are filed only in places the directory records: record the communities and grids they name.
    await recordDirectory(gov, directoryOfPaths(lifecycles.map((lifecycle) => lifecycle.path)));
    for (const { command, context } of interleaveByTime(lifecycles)) {
      const result = await gov.execute(command, context);
      if (isLeft(result)) throw new Error(`generated step refused: ${result.left.code}`);
    }
    const history: Recorded<LinliEvent>[] = [];
    const parse = linliEventParser();
    for await (const raw of gov.store.readAll()) {
      const parsed = parse(raw);
      if (isLeft(parsed)) throw new Error(parsed.left.message);
      history.push(parsed.right);
    }
    const pages = policy(history);
    const climbs = lifecycles.flatMap((lifecycle) =>
      lifecycle.steps.filter((step) => step.command.type === 'EscalateProblem'),
    ).length;
    const toStreetOrAbove = history.filter(
      (e) => e.type === 'ProblemEscalated' && e.data.toTier !== 'community',
    ).length;
    return (
      pages.length === toStreetOrAbove && toStreetOrAbove <= climbs && new Set(pages).size === pages.length
    );
  });

/** Runs the property a given number of times; throws with a shrunk counterexample if it fails. */
export const main = async (numRuns = 50): Promise<void> => {
  await fc.assert(whistleProperty(), { numRuns });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  console.log('whistle policy: property holds');
}
