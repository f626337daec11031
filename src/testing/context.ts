import {
  CommandContextSchema,
  type CommandContext,
  type CommandContextInput,
} from '../domain/shared/context.js';

let counter = 0;

/**
 * A command context for tests: a deployment-wide administrator (scope `'*'`) acting at a fixed instant, with
 * a fresh command id, unless `overrides` says otherwise.
 */
export const testContext = (overrides: Partial<CommandContextInput> = {}): CommandContext => {
  counter += 1;
  return CommandContextSchema.parse({
    actor: { id: 'admin-1', role: 'administrator', scope: ['*'] },
    now: '2026-03-01T08:00:00.000Z',
    commandId: `test-cmd-${counter}`,
    ...overrides,
  });
};
