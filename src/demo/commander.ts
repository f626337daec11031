import { isLeft } from 'fp-ts/lib/Either.js';
import type { Appended } from '../commands/aggregate.js';
import type { Governance } from '../commands/governance.js';
import type { LinliCommandInput, LinliEvent } from '../domain/linli.js';
import type { Actor } from '../domain/shared/actors.js';
import type { ErrorCode } from '../domain/shared/errors.js';
import { iso } from './clock.js';

/** A command the simulation meant to succeed but the library rejected: a bug in the simulation. */
export interface UnexpectedRejection {
  readonly command: string;
  readonly actor: string;
  readonly at: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** A command the simulation sent to show a rule at work, and what became of it. */
export interface Provocation {
  /** What the scene shows, in a few words. */
  readonly label: string;
  readonly command: string;
  readonly expected: ErrorCode;
  /** The code the library answered with; undefined when it accepted the command (which is a bug). */
  readonly actual: ErrorCode | undefined;
}

/**
 * Sends the simulation's commands through the governance facade, as a host system would: each with its
 * actor, the simulated instant and a deterministic command id. It keeps count, and records every rejection:
 * those the simulation provoked on purpose apart from those it did not expect.
 */
export class Commander {
  private sent = 0;
  private recorded = 0;
  private readonly unexpectedRejections: UnexpectedRejection[] = [];
  private readonly provocations: Provocation[] = [];

  /** Wraps a governance facade; `listener` hears of the events of every command accepted. */
  constructor(
    private readonly governance: Governance,
    private readonly listener: (events: readonly LinliEvent[], at: number) => void = () => undefined,
  ) {}

  /** Commands sent so far. */
  get commands(): number {
    return this.sent;
  }

  /** Events recorded so far (including the points the facade paid for verified tasks). */
  get events(): number {
    return this.recorded;
  }

  /** The rejections nobody asked for. */
  get unexpected(): readonly UnexpectedRejection[] {
    return this.unexpectedRejections;
  }

  /** The facade the commands go through (the demo's honours read the honour roll from it). */
  get facade(): Governance {
    return this.governance;
  }

  /** The deliberate rejections, with their outcome. */
  get provoked(): readonly Provocation[] {
    return this.provocations;
  }

  /**
   * Executes a command the simulation expects to succeed; returns its events, or undefined (and records an
   * unexpected rejection) when the library refused it.
   */
  async run(
    command: LinliCommandInput,
    actor: Actor,
    at: number,
    correlationId?: string,
  ): Promise<readonly Appended<LinliEvent>[] | undefined> {
    const result = await this.send(command, actor, at, correlationId);
    if (isLeft(result)) {
      this.unexpectedRejections.push({
        command: command.type,
        actor: actor.id,
        at: iso(at),
        code: result.left.code,
        message: result.left.message,
      });
      return undefined;
    }
    this.recorded += result.right.length;
    this.listener(result.right, at);
    return result.right;
  }

  /**
   * Executes a command the simulation expects to be refused with `expected`, to show a rule at work. An
   * acceptance or another code is recorded as unexpected as well: the rule did not hold as the demo says.
   */
  async provoke(
    label: string,
    expected: ErrorCode,
    command: LinliCommandInput,
    actor: Actor,
    at: number,
  ): Promise<void> {
    const result = await this.send(command, actor, at);
    const actual = isLeft(result) ? result.left.code : undefined;
    this.provocations.push({ label, command: command.type, expected, actual });
    if (actual === expected) return;
    if (!isLeft(result)) {
      this.recorded += result.right.length;
      this.listener(result.right, at);
    }
    this.unexpectedRejections.push({
      command: command.type,
      actor: actor.id,
      at: iso(at),
      code: actual ?? expected,
      message: isLeft(result)
        ? `provoked "${label}" expecting ${expected}, got ${actual}: ${result.left.message}`
        : `provoked "${label}" expecting ${expected}, but the command was accepted`,
    });
  }

  private send(command: LinliCommandInput, actor: Actor, at: number, correlationId?: string) {
    this.sent += 1;
    const commandId = `demo-${this.sent.toString(36).padStart(5, '0')}`;
    return this.governance.execute(command, {
      actor,
      now: iso(at),
      commandId,
      ...(correlationId === undefined ? {} : { correlationId }),
    });
  }
}
