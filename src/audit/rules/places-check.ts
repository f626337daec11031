import { namedPlace, placeCommunity, placeMismatch } from '../../domain/neighbourhood/places.js';
import { initialNeighbourhoodState, type NeighbourhoodState } from '../../domain/neighbourhood/state.js';
import { neighbourhoodStream } from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';

/**
 * Every place an event names for itself (a reported problem's path, a published task's unit) is judged
 * against the neighbourhood registers as they stood at that event, by the rule the governance facade refuses
 * such a command with. `registers` are the neighbourhood check's, which must run before this one.
 */
export const placesCheck = (registers: ReadonlyMap<string, NeighbourhoodState>): AuditCheck => ({
  name: 'places',
  observe(audited: AuditedEvent, report: ReportViolation): void {
    const place = namedPlace(audited);
    if (place === undefined) return;
    const register = registers.get(neighbourhoodStream(placeCommunity(place))) ?? initialNeighbourhoodState;
    const mismatch = placeMismatch(register, place);
    if (mismatch !== undefined)
      report('unknown-place', `${audited.type} names a place of its own: ${mismatch}`);
  },
});
