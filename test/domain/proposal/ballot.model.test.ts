/**
 * Model-based property of the Proposal decider: for generated lives of a proposal (supports with repeats
 * and a stranger, tabling, a motion on the whole roll, casts and changes, closing, the verdict, the
 * implementation), every command is accepted exactly when a plain model of the rules says so, with the
 * events it predicts; the closed tally and the verdict are the model's, counted independently.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { proposalAggregate } from '../../../src/domain/proposal/aggregate.js';
import type { ProposalEvent } from '../../../src/domain/proposal/events.js';
import type { ProposalState } from '../../../src/domain/proposal/state.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';
import { proposalStepsArb } from '../../../src/testing/arbitraries/deliberation.js';
import { compoundWorld } from '../../../src/testing/scenarios/compound-world.js';

const world = compoundWorld(12);

/** The rules as plainly as possible, with the default threshold (> 1/10) and rule (≥ 2/3 turnout, > 1/2 for). */
class Model {
  submitted = false;
  readonly supporters = new Set<string>();
  tabled = false;
  opened = false;
  changeable = false;
  readonly votes = new Map<string, string>();
  closed = false;
  verdict: 'adopted' | 'defeated' | undefined;
  implemented = false;

  /** The event types the command must record, or undefined when it must be refused. */
  expect(type: string, data: Record<string, unknown>): string[] | undefined {
    const owner = data.ownerId as string;
    switch (type) {
      case 'SubmitProposal':
        return this.submitted ? undefined : ['ProposalSubmitted'];
      case 'SupportProposal':
        if (this.tabled || this.supporters.has(owner)) return undefined;
        return (this.supporters.size + 1) * 10 > world.owners.length
          ? ['ProposalSupported', 'ProposalTabled']
          : ['ProposalSupported'];
      case 'TableProposal':
        return !this.tabled && this.supporters.size * 10 > world.owners.length
          ? ['ProposalTabled']
          : undefined;
      case 'HoldHearing':
        return this.tabled ? ['HearingHeld'] : undefined;
      case 'OpenBallot':
        return this.tabled && !this.opened ? ['BallotOpened'] : undefined;
      case 'CastBallot':
        return this.opened && !this.closed && world.owners.includes(owner) && !this.votes.has(owner)
          ? ['BallotCast']
          : undefined;
      case 'ChangeBallot': {
        const previous = this.votes.get(owner);
        return this.opened &&
          !this.closed &&
          this.changeable &&
          previous !== undefined &&
          previous !== data.option
          ? ['BallotChanged']
          : undefined;
      }
      case 'CloseBallot':
        return this.opened && !this.closed ? ['BallotClosed'] : undefined;
      case 'DeclareResult':
        if (!this.closed || this.verdict !== undefined) return undefined;
        return [this.judge() === 'adopted' ? 'ProposalAdopted' : 'ProposalDefeated'];
      case 'RecordImplementation':
        return this.verdict === 'adopted' && !this.implemented ? ['DecisionImplemented'] : undefined;
      default:
        throw new Error(`unmodelled ${type}`);
    }
  }

  judge(): 'adopted' | 'defeated' {
    const turnout = this.votes.size;
    const inFavour = [...this.votes.values()].filter((option) => option === 'for').length;
    return turnout * 3 >= world.owners.length * 2 && inFavour * 2 > turnout ? 'adopted' : 'defeated';
  }

  apply(event: ProposalEvent): void {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'ProposalSubmitted') this.submitted = true;
    if (event.type === 'ProposalSupported') this.supporters.add(data.ownerId as string);
    if (event.type === 'ProposalTabled') this.tabled = true;
    if (event.type === 'BallotOpened') {
      this.opened = true;
      this.changeable = data.changeable === true;
    }
    if (event.type === 'BallotCast' || event.type === 'BallotChanged') {
      this.votes.set(data.ownerId as string, data.option as string);
    }
    if (event.type === 'BallotClosed') this.closed = true;
    if (event.type === 'ProposalAdopted') this.verdict = 'adopted';
    if (event.type === 'ProposalDefeated') this.verdict = 'defeated';
    if (event.type === 'DecisionImplemented') this.implemented = true;
  }
}

const seen = new Map<string, number>();

describe('the Proposal decider against a model', () => {
  it('accepts exactly what the model accepts, with the tally and verdict the model counts', () => {
    fc.assert(
      fc.property(proposalStepsArb({ world }), (steps) => {
        const { decider, commands } = proposalAggregate;
        const model = new Model();
        let state: ProposalState = decider.initialState;
        for (const step of steps) {
          const command = commands.parse(step.command);
          if (isLeft(command)) throw new Error(command.left.message);
          const data = command.right.data as Record<string, unknown>;
          const expected = model.expect(command.right.type, data);
          const decision = decider.decide(command.right, state, CommandContextSchema.parse(step.context));
          const outcome = isLeft(decision)
            ? decision.left.code
            : decision.right.map((event) => event.type).join('+');
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
          expect(
            isLeft(decision) ? undefined : decision.right.map((event) => event.type),
            step.command.type,
          ).toEqual(expected);
          if (isLeft(decision)) continue;
          for (const event of decision.right) {
            if (event.type === 'BallotClosed') {
              expect(event.data.turnout).toBe(model.votes.size);
              for (const { option, votes } of event.data.tally) {
                expect(votes).toBe([...model.votes.values()].filter((o) => o === option).length);
              }
            }
            model.apply(event);
            state = decider.evolve(state, event);
          }
        }
      }),
      { numRuns: 200 },
    );
    for (const outcome of [
      'ProposalSupported+ProposalTabled',
      'BallotCast',
      'BallotChanged',
      'ProposalAdopted',
    ]) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
    for (const outcome of ['ProposalDefeated', 'already-exists', 'forbidden', 'invalid-transition']) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
  });
});
