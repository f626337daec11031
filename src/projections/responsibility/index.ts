/** The responsibility read model: load, response time and overdue per assignee and department; the problem list. */
export * from './projection.js';
export * from './queries.js';
export * from './state.js';
