import { isOpenRow, type LedgerRow } from '../problem-ledger/row.js';
import { agencyFor, open311Config, serviceNameOf, type Open311Options } from './config.js';
import type { Open311ServiceRequest } from './service-request.js';

/**
 * A ledger row as a GeoReport v2 service request. A resolved problem is `closed` (the agency has addressed
 * it) even before its file is closed, and turns `open` again if it is reopened; a rejected one is `closed`
 * with the reason as its notes. `expected_datetime` is the deadline of the tier holding it (none for a
 * rejected problem); `media_url` is the first media reference that `mediaUrl` turns into a URL.
 */
export const toServiceRequest = (row: LedgerRow, options: Open311Options = {}): Open311ServiceRequest => {
  const config = open311Config(options);
  const address = config.address(row.path);
  const mediaUrl = row.media.map((reference) => config.mediaUrl(reference)).find((url) => url !== undefined);
  const expected = row.status === 'rejected' ? undefined : row.dueBy;
  return {
    service_request_id: row.problemId,
    status: isOpenRow(row) ? 'open' : 'closed',
    ...(row.statusNote === undefined ? {} : { status_notes: row.statusNote }),
    service_name: serviceNameOf(config, row.category),
    service_code: row.category,
    ...(config.includeDescription ? { description: row.description } : {}),
    agency_responsible: agencyFor(config, row.tier ?? config.untriagedTier, row.path),
    requested_datetime: row.reportedAt,
    updated_datetime: row.updatedAt,
    ...(expected === undefined ? {} : { expected_datetime: expected }),
    ...(address === undefined ? {} : { address }),
    ...(mediaUrl === undefined ? {} : { media_url: mediaUrl }),
  };
};
