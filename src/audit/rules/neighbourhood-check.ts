import { neighbourhoodAggregate, type NeighbourhoodAggregate } from '../../domain/neighbourhood/aggregate.js';
import type { NeighbourhoodEvent } from '../../domain/neighbourhood/events.js';
import {
  householdGroup,
  isEstablished,
  seatHolders,
  type NeighbourhoodState,
} from '../../domain/neighbourhood/state.js';
import { levelOf } from '../../domain/neighbourhood/tree.js';
import { neighbourhoodStream } from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = neighbourhoodStream('');

/**
 * Whether `event` can follow `state` in a neighbourhood's register: established once and first; units added
 * once; a leader stands down from a seat they hold and is not appointed twice to it; households registered
 * once, moved from the group they are in, deregistered only while registered.
 */
const checkTransition = (
  state: NeighbourhoodState,
  event: NeighbourhoodEvent,
  report: ReportViolation,
): void => {
  if (event.type === 'NeighbourhoodEstablished') {
    if (isEstablished(state)) report('impossible-transition', 'the neighbourhood was already established');
    return;
  }
  if (!isEstablished(state)) {
    report('impossible-transition', `${event.type} before the neighbourhood was established`);
    return;
  }
  switch (event.type) {
    case 'UnitAdded':
      if (levelOf(state, event.data.unitId) !== undefined) {
        report('impossible-transition', `unit ${event.data.unitId} was already added`);
      } else if (levelOf(state, event.data.parentId) === undefined) {
        report(
          'impossible-transition',
          `unit ${event.data.unitId} added under ${event.data.parentId}, which does not exist`,
        );
      }
      return;
    case 'LeaderAppointed':
      if (seatHolders(state, event.data.unitId, event.data.role).includes(event.data.personId)) {
        report(
          'impossible-transition',
          `${event.data.personId} already holds the ${event.data.role} seat of ${event.data.unitId}`,
        );
      }
      return;
    case 'LeaderStoodDown':
      if (!seatHolders(state, event.data.unitId, event.data.role).includes(event.data.personId)) {
        report(
          'impossible-transition',
          `${event.data.personId} stood down from a ${event.data.role} seat of ${event.data.unitId} they did not hold`,
        );
      }
      return;
    case 'HouseholdRegistered':
      if (householdGroup(state, event.data.householdId) !== undefined) {
        report('impossible-transition', `household ${event.data.householdId} was already registered`);
      }
      return;
    case 'HouseholdMoved': {
      const group = householdGroup(state, event.data.householdId);
      if (group !== event.data.fromGroupId) {
        report(
          'impossible-transition',
          `household ${event.data.householdId} moved from ${event.data.fromGroupId}, but it was in ${group ?? 'no group'}`,
        );
      }
      return;
    }
    case 'HouseholdDeregistered':
      if (householdGroup(state, event.data.householdId) === undefined) {
        report(
          'impossible-transition',
          `household ${event.data.householdId} deregistered while not registered`,
        );
      }
      return;
  }
};

/**
 * Replays every `neighbourhood-` stream through the Neighbourhood decider's `evolve`, checking each event
 * against the register before it and that it names the neighbourhood of its stream, then deciding it again
 * (see {@link replayDecision}). `states` is where it keeps each neighbourhood's register, shared with the
 * checks that judge the places other events name.
 */
export const neighbourhoodCheck = (
  aggregate: NeighbourhoodAggregate = neighbourhoodAggregate,
  states: Map<string, NeighbourhoodState> = new Map(),
): AuditCheck => {
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'neighbourhood register',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { streamId } = audited.recorded;
      if (!streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as NeighbourhoodEvent;
      const tracked = trackingReport(report);
      if (neighbourhoodStream(event.data.neighbourhoodId) !== streamId) {
        tracked.report(
          'wrong-stream',
          `${event.type} of neighbourhood ${event.data.neighbourhoodId} in ${streamId}`,
        );
      }
      const before = states.get(streamId) ?? initialState;
      checkTransition(before, event, tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(streamId, evolve(before, event));
    },
  };
};
