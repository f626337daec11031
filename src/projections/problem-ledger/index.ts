/**
 * The problem ledger (台账): one row per problem, kept up to date by a fold, and the monthly report a
 * community files with its street.
 */
export * from './ledger-rows.js';
export * from './monthly-report.js';
export * from './projection.js';
export * from './row.js';
