import type { AuditSummary } from '../audit/audit-summary.js';
import type { AuditResult } from '../audit/auditor.js';
import type { AnchorOutcome } from '../audit/digest-anchors.js';
import { describeLocation, type Violation } from '../audit/violation.js';
import { TIERS } from '../domain/shared/tiers.js';
import { SHARE_BUCKETS } from '../projections/resolution-stats/targets.js';
import { toJsonSafe } from '../commands/json-safe.js';

const n = (value: number | bigint): string => value.toLocaleString('en-US');
const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const signed = (value: number): string => (value > 0 ? `+${n(value)}` : n(value));

const anchorWords = (outcome: AnchorOutcome): string =>
  `${n(outcome.position)} ${outcome.verdict === 'differs' ? 'DIFFERS' : outcome.verdict.replace('-', ' ')}`;

/** The history digest (what to keep as an anchor), the file digest, and what became of the anchors. */
const digestRows = (summary: AuditSummary): [string, string][] => {
  const { historyDigest, fileDigest, anchors } = summary;
  const at =
    historyDigest.position === undefined
      ? 'of no events'
      : `at position ${historyDigest.position.toString()} (${n(historyDigest.events)} events)`;
  const rows: [string, string][] = [['history digest', `${historyDigest.digest} ${at}`]];
  if (fileDigest !== undefined)
    rows.push(['file digest', `${fileDigest} (the file's bytes before its trailer)`]);
  if (anchors !== undefined) rows.push(['anchors', anchors.map(anchorWords).join(', ')]);
  return rows;
};

/** The figures of a summary as aligned `label  value` lines. */
const summaryLines = (summary: AuditSummary): string[] => {
  const rows: [string, string][] = [];
  const positions =
    summary.firstPosition === undefined || summary.lastPosition === undefined
      ? ''
      : `  (positions ${n(summary.firstPosition)} to ${n(summary.lastPosition)})`;
  rows.push(['events', `${n(summary.events)}${positions}`]);
  const categories = Object.entries(summary.streamsByCategory)
    .map(([category, count]) => `${category} ${n(count)}`)
    .join(', ');
  rows.push(['streams', `${n(summary.streams)}${categories === '' ? '' : `  (${categories})`}`]);
  const { points, problems, tasks } = summary;
  if (points !== undefined) {
    rows.push([
      'points',
      `issued ${n(points.issued)}, redeemed ${n(points.redeemed)}, adjusted ${signed(points.adjusted)}, outstanding ${n(points.outstanding)} (${n(points.residents)} residents)`,
    ]);
  }
  if (problems !== undefined) {
    rows.push([
      'problems',
      `${n(problems.reported)} reported, ${n(problems.resolved)} resolved, ${n(problems.rejected)} rejected, ${n(problems.open)} open`,
    ]);
    const { shares, target } = problems;
    const split = SHARE_BUCKETS.map((bucket) => percent(shares[bucket])).join(' / ');
    const goal = SHARE_BUCKETS.map((bucket) => (target[bucket] * 100).toFixed(0)).join(' / ');
    rows.push(['721 shares', `${split} (grid / community / street and above; target ${goal})`]);
    rows.push(['resolved at', TIERS.map((tier) => `${tier} ${n(problems.resolvedByTier[tier])}`).join(', ')]);
  }
  if (tasks !== undefined) {
    rows.push([
      'tasks',
      `${n(tasks.published)} published, ${n(tasks.verifiedClaims)} claims verified, ${n(tasks.cancelled)} cancelled, ${n(tasks.expired)} expired`,
    ]);
  }
  if (summary.checkpoints !== undefined && summary.checkpoints.checkpoints > 0) {
    const { checkpoints, signed, verified, covered } = summary.checkpoints;
    const signatures =
      verified === undefined
        ? `${n(signed)} signed (no --public-key: signatures not checked)`
        : `${n(signed)} signed, ${n(verified)} verified with the public key`;
    rows.push(['checkpoints', `${n(checkpoints)}, the last covering ${n(covered)} events; ${signatures}`]);
  }
  rows.push(...digestRows(summary));
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
};

const violationLine = (violation: Violation): string => {
  const where = describeLocation(violation);
  return `  ${violation.code}${where === '' ? '' : ` at ${where}`}: ${violation.message}`;
};

/** The audit report for a person: the summary figures, then the verdict and each violation where it is. */
export const humanReport = (source: string, result: AuditResult): string => {
  const lines = [`linli audit of ${source}`, ...summaryLines(result.summary), ''];
  const { readFailure } = result;
  if (readFailure !== undefined) {
    lines.push(`INCOMPLETE: ${readFailure.message}`);
    if (result.violationCount === 0) {
      lines.push(`No violations in the ${n(result.summary.events)} events read before it.`);
      return `${lines.join('\n')}\n`;
    }
  } else if (result.clean) {
    lines.push('CLEAN: no violations found.');
    return `${lines.join('\n')}\n`;
  }
  const byCode = Object.entries(result.violationsByCode)
    .map(([code, count]) => `${code} ${n(count)}`)
    .join(', ');
  const within = readFailure === undefined ? '' : ` in the ${n(result.summary.events)} events read`;
  lines.push(`VIOLATIONS: ${n(result.violationCount)} found${within} (${byCode})`);
  lines.push(...result.violations.map(violationLine));
  const hidden = result.violationCount - result.violations.length;
  if (hidden > 0) lines.push(`  ... and ${n(hidden)} more (raise --max-violations to list them)`);
  return `${lines.join('\n')}\n`;
};

/** JSON.stringify with bigints (revisions, positions) as decimal strings, as in the history format. */
export const toJson = (value: unknown): string => JSON.stringify(toJsonSafe(value), null, 2);

/**
 * The audit report for a machine: the result as JSON, with the source it was read from; a history that
 * broke off also carries the `error` a history that cannot be read at all reports.
 */
export const jsonReport = (source: string, result: AuditResult): string =>
  `${toJson({ source, ...result, ...(result.readFailure === undefined ? {} : { error: result.readFailure }) })}\n`;
