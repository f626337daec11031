import type { Difficulty } from '../domain/task/events.js';
import type { DirectedTeam } from './district.js';

/** A kind of task a community publishes, and how many residents it wants. */
export interface TaskKind {
  readonly key: string;
  readonly title: string;
  readonly difficulties: readonly Difficulty[];
  readonly slots: readonly [number, number];
  /** For a directed task, the team it goes to; a public task has none. */
  readonly team?: DirectedTeam;
}

/** Public tasks any resident may take (the monthly list on the "云号手" platform). */
export const PUBLIC_TASKS: readonly (readonly [TaskKind, number])[] = [
  [{ key: 'light-bulb', title: 'Replace stairwell light bulbs', difficulties: ['easy'], slots: [1, 3] }, 3],
  [
    {
      key: 'mediation',
      title: 'Mediate a dispute between neighbours',
      difficulties: ['medium', 'hard'],
      slots: [1, 2],
    },
    1.5,
  ],
  [
    {
      key: 'adverts',
      title: 'Remove illegal adverts from the stairwells',
      difficulties: ['easy'],
      slots: [2, 5],
    },
    2.5,
  ],
  [
    {
      key: 'moving',
      title: 'Help an elderly resident move furniture',
      difficulties: ['medium'],
      slots: [1, 3],
    },
    2,
  ],
  [
    { key: 'tutoring', title: 'Tutor pupils after school', difficulties: ['medium', 'hard'], slots: [1, 4] },
    1.5,
  ],
];

/** Directed tasks, addressed to a named team of the community. */
export const DIRECTED_TASKS: readonly (readonly [TaskKind, number])[] = [
  [
    {
      key: 'electrical',
      title: 'Maintain the electrical equipment of the compound',
      difficulties: ['hard', 'expert'],
      slots: [1, 2],
      team: 'electricians',
    },
    1,
  ],
  [
    {
      key: 'greening',
      title: 'Tend the compound greening',
      difficulties: ['medium'],
      slots: [2, 4],
      team: 'greening',
    },
    1.5,
  ],
  [
    {
      key: 'septic',
      title: 'Clear the septic tank',
      difficulties: ['expert'],
      slots: [1, 2],
      team: 'sanitation',
    },
    0.5,
  ],
];

/** The task a problem of these categories may turn into, when the community asks residents to help. */
export const TASK_FOR_PROBLEM: Readonly<Record<string, TaskKind>> = {
  'street-light': {
    key: 'light-bulb',
    title: 'Replace the broken light reported by a resident',
    difficulties: ['easy'],
    slots: [1, 1],
  },
  'illegal-advertising': {
    key: 'adverts',
    title: 'Remove the adverts reported by a resident',
    difficulties: ['easy'],
    slots: [1, 2],
  },
  littering: {
    key: 'litter',
    title: 'Clear the litter reported by a resident',
    difficulties: ['easy', 'medium'],
    slots: [2, 4],
  },
};
