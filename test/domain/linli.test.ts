import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import { linliEventParser } from '../../src/domain/linli.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { testContext } from '../../src/testing/context.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { collect } from '../store/contract.js';

describe('linliEventParser', () => {
  const recordOne = async (): Promise<RecordedEvent> => {
    const gov = createGovernance();
    await recordDirectory(gov, [{ street: 's', community: 'c', grids: ['g'] }]);
    const result = await gov.execute(
      {
        type: 'ReportProblem',
        data: {
          problemId: 'p-1',
          path: { street: 's', community: 'c', grid: 'g' },
          category: 'noise',
          description: 'Night works',
          channel: 'hotline',
        },
      },
      testContext({ actor: { id: 'r-1', role: 'resident' } }),
    );
    expect(isRight(result)).toBe(true);
    const events = await collect(gov.store.readAll());
    return events.find((event) => event.type === 'ProblemReported')!;
  };

  it('parses an event in its own stream', async () => {
    const parsed = linliEventParser()(await recordOne());
    expect(isRight(parsed) && parsed.right.type).toBe('ProblemReported');
  });

  it("refuses an event filed in another aggregate's stream, or another problem's", async () => {
    const event = await recordOne();
    for (const streamId of ['problem-p-2', 'task-p-1', 'elsewhere-1']) {
      const parsed = linliEventParser()({ ...event, streamId });
      expect(isLeft(parsed) && parsed.left.code).toBe('invalid-event');
    }
  });

  it('refuses an event whose metadata is not linli metadata', async () => {
    const event = await recordOne();
    const parsed = linliEventParser()({ ...event, metadata: { ...event.metadata, hash: 'not-a-hash' } });
    expect(isLeft(parsed) && parsed.left.message).toContain('metadata');
  });
});
