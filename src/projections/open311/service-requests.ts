import { toMillis } from '../../domain/shared/time.js';
import type { ProblemLedgerState } from '../problem-ledger/projection.js';
import { inScope, type UnitScope } from '../resolution-stats/scope.js';
import type { Open311Options } from './config.js';
import type { Open311ServiceRequest } from './service-request.js';
import { toServiceRequest } from './to-service-request.js';

/**
 * The arguments of GeoReport v2 `GET requests`, with the spec's names (lists already split at commas), plus
 * a unit scope standing in for the jurisdiction.
 */
export interface Open311RequestsQuery {
  /** Only these requests; when given, every other filter is ignored, as the spec says. */
  readonly service_request_id?: readonly string[];
  readonly service_code?: readonly string[];
  /** Earliest `requested_datetime` (inclusive). */
  readonly start_date?: string;
  /** Latest `requested_datetime` (inclusive). */
  readonly end_date?: string;
  readonly status?: readonly ('open' | 'closed')[];
  readonly scope?: UnitScope;
}

/**
 * The ledger's problems as GeoReport v2 service requests, filtered as `GET requests` would, newest request
 * first (ties by id). The spec lets a server cap the date range and the count; paging is left to the host.
 * @throws RangeError for an unparseable `start_date` or `end_date`.
 */
export const serviceRequests = (
  state: ProblemLedgerState,
  query: Open311RequestsQuery = {},
  options: Open311Options = {},
): Open311ServiceRequest[] => {
  const instant = (value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const ms = toMillis(value);
    if (Number.isNaN(ms)) throw new RangeError(`invalid date ${value}`);
    return ms;
  };
  const start = instant(query.start_date);
  const end = instant(query.end_date);
  const byId = query.service_request_id;
  const rows = Object.values(state.rows).filter((row) => {
    if (byId !== undefined) return byId.includes(row.problemId);
    const requested = toMillis(row.reportedAt);
    return (
      inScope(row.path, query.scope ?? {}) &&
      (query.service_code === undefined || query.service_code.includes(row.category)) &&
      (start === undefined || requested >= start) &&
      (end === undefined || requested <= end)
    );
  });
  const requests = rows
    .sort(
      (a, b) =>
        toMillis(b.reportedAt) - toMillis(a.reportedAt) ||
        (a.problemId < b.problemId ? -1 : a.problemId > b.problemId ? 1 : 0),
    )
    .map((row) => toServiceRequest(row, options));
  return byId !== undefined || query.status === undefined
    ? requests
    : requests.filter((request) => query.status?.includes(request.status));
};
