import { formatCount, formatPercent } from '../format.js';
import { htmlTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

const STATUS_TEXT: Readonly<Record<string, string>> = {
  submitted: 'gathering support',
  tabled: 'tabled',
  open: 'voting',
  closed: 'closed',
  adopted: 'adopted',
  defeated: 'defeated',
};

/**
 * Deliberation and voting: the proposal register with support against the threshold, each ballot's turnout
 * and leading option over both bases, and each community's closed loop from agenda to outcome.
 */
export const deliberationSection = (data: ReportData): string => {
  const figures = data.deliberation;
  if (figures === undefined) return '';
  const proposals = htmlTable({
    id: 'table-proposals',
    caption: 'Proposal register',
    columns: [
      { header: { en: 'Proposal', zh: '提案' } },
      { header: { en: 'Compound', zh: '小区' } },
      { header: { en: 'Status', zh: '状态' } },
      { header: { en: 'Supports', zh: '附议' }, numeric: true },
      { header: { en: 'Needed', zh: '门槛' }, numeric: true },
      { header: { en: 'Owners', zh: '业主' }, numeric: true },
      { header: { en: 'Hearings', zh: '听证' }, numeric: true },
    ],
    rows: figures.proposals.map((p) => [
      `${p.proposalId}: ${p.title}`,
      p.compoundId,
      STATUS_TEXT[p.status] ?? p.status,
      formatCount(p.supports),
      formatCount(p.needed),
      formatCount(p.registeredOwners),
      formatCount(p.hearings),
    ]),
  });
  const ballots = htmlTable({
    id: 'table-ballots',
    caption: 'Ballot results over voters and over all owners',
    columns: [
      { header: { en: 'Matter', zh: '事项' } },
      { header: { en: 'Result', zh: '结果' } },
      { header: { en: 'Owners', zh: '业主' }, numeric: true },
      { header: { en: 'Turnout', zh: '参与率' }, numeric: true },
      { header: { en: 'Leading option', zh: '领先选项' } },
      { header: { en: 'Of voters', zh: '占投票' }, numeric: true },
      { header: { en: 'Of all owners', zh: '占全体' }, numeric: true },
    ],
    rows: figures.ballots.map((b) => {
      const leader = [...b.tally].sort((x, y) => y.votes - x.votes)[0];
      return [
        `${b.proposalId} / ${b.matter}`,
        STATUS_TEXT[b.status] ?? b.status,
        formatCount(b.eligible),
        formatPercent(b.turnoutShare),
        leader === undefined ? '—' : `${leader.option} (${formatCount(leader.votes)})`,
        formatPercent(leader?.ofVoters ?? null),
        formatPercent(leader?.ofEligible ?? null),
      ];
    }),
  });
  const closure = htmlTable({
    id: 'table-agenda-closure',
    caption: 'Meetings and the closed loop, per community',
    columns: [
      { header: { en: 'Community', zh: '社区' } },
      { header: { en: 'Deliberation days', zh: '议事日' }, numeric: true },
      { header: { en: 'Four-party', zh: '四方议事' }, numeric: true },
      { header: { en: 'Joint', zh: '联席会' }, numeric: true },
      { header: { en: 'Held', zh: '已召开' }, numeric: true },
      { header: { en: 'Items', zh: '议题' }, numeric: true },
      { header: { en: 'Concluded', zh: '已议定' }, numeric: true },
      { header: { en: 'Overdue follow-ups', zh: '逾期落实' }, numeric: true },
    ],
    rows: figures.closure.map((c) => [
      c.community,
      formatCount(c.byKind['deliberation-day']),
      formatCount(c.byKind['four-party']),
      formatCount(c.byKind.joint),
      formatCount(c.held),
      formatCount(c.itemsPlaced),
      formatCount(c.itemsConcluded),
      formatCount(c.overdue.length),
    ]),
  });
  return section(
    'deliberation',
    { en: 'Deliberation and voting', zh: '议事协商' },
    'Owners’ proposals with their support against the tabling threshold of the owners registered now; each ' +
      'ballot’s turnout and leading option counted over the owners who voted and over every owner on the roll; ' +
      'and each community’s meetings, the items they concluded and the follow-ups past due whose matter is ' +
      'still unsettled at the report’s instant.',
    `${proposals}${ballots}${closure}`,
  );
};
