import { formatCount, formatHours, formatPercent } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import { labelHtml, type Label } from '../labels.js';
import type { ReportData } from '../report-data.js';

interface Card {
  readonly label: Label;
  readonly value: string;
  readonly note: string;
}

const cardHtml = (card: Card): string =>
  `<div class="card"><dt>${labelHtml(card.label)}</dt><dd>${escapeHtml(card.value)}</dd>` +
  `<dd class="note">${escapeHtml(card.note)}</dd></div>`;

/** The headline figures of the whole history, as cards. */
export const headlineSection = (data: ReportData): string => {
  const total = data.total;
  const cards: Card[] = [
    {
      label: { en: 'Problems reported', zh: '上报问题' },
      value: formatCount(total.reported),
      note: `${formatCount(total.accepted)} accepted, ${formatCount(total.rejected)} rejected`,
    },
    {
      label: { en: 'Completion', zh: '办结率' },
      value: formatPercent(total.completionRate),
      note: `${formatCount(total.resolved)} of ${formatCount(total.accepted)} resolved`,
    },
    {
      label: { en: 'On time', zh: '按时办结' },
      value: formatPercent(total.onTimeRate),
      note: `${formatCount(total.onTime)} of ${formatCount(total.resolved)} by the deadline`,
    },
    {
      label: { en: 'Satisfaction', zh: '满意率' },
      value: formatPercent(total.satisfactionRate),
      note: `${formatCount(total.satisfied)} of ${formatCount(total.rated)} rated satisfied`,
    },
    {
      label: { en: 'Open now', zh: '在办' },
      value: formatCount(total.open),
      note: `${formatCount(total.overdue)} overdue`,
    },
    {
      label: { en: 'Resolved in the grid', zh: '网格解决' },
      value: formatPercent(total.shares.grid.share),
      note: `target ${formatPercent(data.targets.grid)}`,
    },
    {
      label: { en: 'Time to resolve', zh: '办理时长' },
      value: formatHours(total.hoursToResolve.median),
      note: `median; 90% within ${formatHours(total.hoursToResolve.p90)}`,
    },
  ];
  return (
    `<section id="headline" aria-labelledby="headline-heading">` +
    `<h2 id="headline-heading">${labelHtml({ en: 'At a glance', zh: '概览' })}</h2>` +
    `<dl class="cards">${cards.map(cardHtml).join('')}</dl></section>`
  );
};
