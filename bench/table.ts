import type { Figure } from './harness.js';

const number = (value: number): string => {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

const targetText = (figure: Figure): string => {
  if (figure.target === null) return '-';
  const sign = figure.better === 'higher' ? '>=' : '<=';
  return figure.judged === 'value'
    ? `${sign} ${number(figure.target)} ${figure.unit}`
    : `${sign} ${figure.target}x`;
};

const verdict = (figure: Figure): string => {
  if (figure.met === null) return 'info';
  return figure.met ? 'met' : 'MISSED';
};

/** The figures as a plain-text table, for people (the JSON lines are for programs). */
export const formatTable = (figures: readonly Figure[]): string => {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', ''];
  const rows = figures.map((figure) => [
    figure.name,
    `${number(figure.value)} ${figure.unit}`,
    figure.baseline === null ? '-' : `${number(figure.baseline)} ${figure.unit}`,
    figure.ratio === null ? '-' : `${figure.ratio.toFixed(2)}x`,
    targetText(figure),
    verdict(figure),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
};
