/** The task board: open tasks and their free slots, public and directed, per community and unit. */
export { openTasks, taskCard, type OpenTasksQuery, type TaskAudienceFilter } from './queries.js';
export { taskBoardProjection } from './projection.js';
export { initialTaskBoardState, type BoardStatus, type TaskBoardState, type TaskCard } from './state.js';
