/** The Problem aggregate: report -> triage -> escalate -> resolve -> rate -> close, with its routing table. */
export * from './aggregate.js';
export * from './commands.js';
export * from './decider.js';
export * from './deliberation.js';
export * from './deliberation-schemas.js';
export * from './events.js';
export * from './permissions.js';
export * from './routing.js';
export * from './responsibility.js';
export * from './responsibility-events.js';
export * from './responsibility-routes.js';
export * from './responsibility-state.js';
export * from './state.js';
