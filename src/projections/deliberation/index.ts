/** The deliberation read model: proposal register, ballot results, deliberation calendar, agenda closure. */
export { compoundKey, deliberationProjection } from './projection.js';
export * from './queries.js';
export * from './state.js';
