import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { Appended } from '../../../src/commands/aggregate.js';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput, LinliEvent } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import type { DomainError, ErrorCode } from '../../../src/domain/shared/errors.js';
import type { ReadModels } from '../../../src/projections/read-models.js';
import { recordDirectory, type DirectoryCommunity } from '../../../src/testing/directory.js';

type Actor = CommandContextInput['actor'];

/** A governance facade over a fresh store whose directory records `communities`. */
export const fundGovernance = async (communities: readonly DirectoryCommunity[]): Promise<FundDriver> => {
  const governance = createGovernance();
  await recordDirectory(governance, communities);
  return new FundDriver(governance);
};

/** Sends commands through the facade with fresh command ids, and asserts their outcomes. */
export class FundDriver {
  private sent = 0;

  constructor(readonly governance: Governance) {}

  /** Executes `command` as `actor` at `now`. */
  send(
    command: LinliCommandInput,
    actor: Actor,
    now: string,
  ): Promise<Either<DomainError, readonly Appended<LinliEvent>[]>> {
    this.sent += 1;
    return this.governance.execute(command, { actor, now, commandId: `fund-story-${this.sent}` });
  }

  /** Executes and expects it recorded; returns the events' types. */
  async accept(command: LinliCommandInput, actor: Actor, now: string): Promise<string[]> {
    const result = await this.send(command, actor, now);
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code}: ${result.left.message}`);
    return result.right.map((event) => event.type);
  }

  /** Executes and expects a refusal with `code`, nothing recorded. */
  async refuse(command: LinliCommandInput, actor: Actor, now: string, code: ErrorCode): Promise<void> {
    const result = await this.send(command, actor, now);
    expect(isRight(result) ? `recorded ${command.type}` : result.left.code).toBe(code);
  }

  /** The read models, up to date. */
  async models(): Promise<ReadModels> {
    const models = await this.governance.readModels();
    if (isLeft(models)) throw new Error(models.left.message);
    return models.right;
  }
}
