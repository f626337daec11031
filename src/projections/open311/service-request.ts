import { z } from 'zod';
import { InstantSchema } from '../../domain/shared/time.js';

/**
 * A service request as Open311 GeoReport v2 returns it from `GET requests` and `GET requests/{id}`, with the
 * spec's snake_case field names, so that systems already speaking GeoReport can consume linli's problems.
 * `lat`/`long` are never given (linli stores unit paths, not coordinates), nor `zipcode`; `address` only
 * when the host supplies one.
 */
export const Open311ServiceRequestSchema = z
  .object({
    service_request_id: z.string().min(1),
    /** `open` while the problem needs handling; `closed` once resolved, closed or turned away. */
    status: z.enum(['open', 'closed']),
    /** Why the status is what it is: the resolution, or the escalation, reopening or rejection reason. */
    status_notes: z.string().optional(),
    service_name: z.string().min(1),
    /** The problem category. */
    service_code: z.string().min(1),
    description: z.string().optional(),
    /** The agency of the tier holding (or that resolved) the problem. */
    agency_responsible: z.string().min(1),
    service_notice: z.string().optional(),
    requested_datetime: InstantSchema,
    updated_datetime: InstantSchema,
    /** The deadline of the tier holding the problem. */
    expected_datetime: InstantSchema.optional(),
    address: z.string().optional(),
    address_id: z.string().optional(),
    media_url: z.url().optional(),
  })
  .strict();

/** A GeoReport v2 service request (see {@link Open311ServiceRequestSchema}). */
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequestSchema>;

/** A service type as GeoReport v2 `GET services` lists it. */
export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  /** Always false: linli asks for no extra attributes per service. */
  readonly metadata: false;
  /** Always `realtime`: the host chooses the problem id, so the request id is known at once. */
  readonly type: 'realtime';
  /** Comma-separated keywords. */
  readonly keywords: string;
  /** The tier the routing table sends the category to. */
  readonly group: string;
}
