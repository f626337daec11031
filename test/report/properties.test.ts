/**
 * Properties of the report over generated problem histories (several years, several places, every
 * lifecycle): whatever the history and the time zone, its figures are the 721 queries' figures, its backlog
 * is the monthly cohorts judged at each month end, and its HTML holds the same numbers and no URL.
 */
import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportHistory } from '../../src/audit/export-history.js';
import type { ProblemStep } from '../../src/testing/scenarios/problem-lifecycle.js';
import { project } from '../../src/projections/projection.js';
import { periodKeyOf } from '../../src/projections/resolution-stats/calendar.js';
import { resolutionStatsProjection } from '../../src/projections/resolution-stats/projection.js';
import { query721, type Figures721 } from '../../src/projections/resolution-stats/query-721.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { historyArbitrary, recordSteps } from '../projections/problems/support.js';
import { tableRows } from './support/html-tables.js';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

const counts = (figures: Figures721) => [
  figures.reported,
  figures.rejected,
  figures.resolved,
  ...Object.values(figures.resolvedByTier),
  ...Object.values(figures.shares).map((bucket) => bucket.resolved),
  figures.open,
  figures.overdue,
  figures.onTime,
  figures.rated,
  figures.satisfied,
];
const add = (a: number[], b: number[]): number[] => a.map((value, index) => value + (b[index] ?? 0));

/** Records the steps through the problem aggregate and exports them as a history file's text. */
const recordAndExport = async (steps: readonly ProblemStep[]) => {
  const history = await recordSteps(steps);
  const chunks: Buffer[] = [];
  await exportHistory(
    history.store,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return { text: Buffer.concat(chunks).toString('utf8'), history };
};

describe('report properties', () => {
  it('agrees with query721 month by month and community by community, in any time zone', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.constantFrom(...ZONES), async (steps, timeZone) => {
        const { text, history } = await recordAndExport(steps);
        const data = await buildReport(Readable.from([Buffer.from(text)]), { timeZone });
        const asOf = history.events.reduce(
          (latest, event) =>
            Date.parse(event.metadata.occurredAt) > Date.parse(latest) ? event.metadata.occurredAt : latest,
          history.events[0]!.metadata.occurredAt,
        );
        expect(data.asOf).toBe(asOf);
        const state = project(resolutionStatsProjection, history.events);

        for (const month of data.months) {
          expect(month.figures).toEqual(
            query721(state, { period: { kind: 'month', key: month.month }, asOf, timeZone }),
          );
        }
        const years = [...new Set(data.months.map((month) => month.month.slice(0, 4)))];
        for (const { community, figures } of data.communities) {
          const summed = years
            .map((key) =>
              counts(
                query721(state, { scope: { community }, period: { kind: 'year', key }, asOf, timeZone }),
              ),
            )
            .reduce(add);
          expect(counts(figures)).toEqual(summed);
        }
        expect(counts(data.total)).toEqual(data.communities.map((line) => counts(line.figures)).reduce(add));
        expect(data.months.at(-1)?.month).toBe(periodKeyOf(asOf, 'month', timeZone));

        for (const [index, month] of data.months.entries()) {
          const at = month.backlog.at;
          expect(periodKeyOf(at, 'month', timeZone)).toBe(month.month);
          if (index < data.months.length - 1) {
            expect(periodKeyOf(Date.parse(at) + 1, 'month', timeZone)).toBe(data.months[index + 1]?.month);
          }
          const upTo = data.months
            .slice(0, index + 1)
            .map((earlier) =>
              query721(state, { period: { kind: 'month', key: earlier.month }, asOf: at, timeZone }),
            );
          expect([month.backlog.open, month.backlog.overdue]).toEqual([
            upTo.reduce((sum, figures) => sum + figures.open, 0),
            upTo.reduce((sum, figures) => sum + figures.overdue, 0),
          ]);
        }

        const html = renderReportHtml(data);
        expect(html).not.toMatch(/https?:|src=|<script/i);
        expect(html.match(/<svg /g)).toHaveLength(7);
        expect(tableRows(html, 'table-monthly').body.map((row) => [row[0], row[1]])).toEqual(
          data.months.map((month) => [month.month, String(month.figures.reported)]),
        );
      }),
      { numRuns: 30 },
    );
  });
});
