/**
 * The resolution statistics (the 721): a fold keeping each problem's dated steps, and queries computing the
 * figures per street, community or grid, per month, quarter or year, in a time zone, as they stood at an
 * instant; with Beijing's three 12345 rates.
 */
export * from './calendar.js';
export * from './cohort.js';
export * from './percentile.js';
export * from './projection.js';
export * from './query-721.js';
export * from './rates-12345.js';
export * from './report-721.js';
export * from './scope.js';
export * from './targets.js';
export * from './track.js';
