import { escapeHtml } from './html-escape.js';
import { labelHtml, type Label } from './labels.js';

/** A column of a table: its header, and whether it holds numbers (right-aligned). */
export interface TableColumn {
  readonly header: Label;
  readonly numeric?: boolean;
}

/** A header over several adjacent columns (a tier over its count, share and deviation). */
export interface ColumnGroup {
  /** Absent for columns outside any group (the group row leaves them empty). */
  readonly header?: Label;
  readonly span: number;
}

/** A table of plain-text cells; the first cell of a row heads the row. */
export interface TableInput {
  readonly id: string;
  readonly caption: string;
  /** A first header row grouping the columns; its spans add up to the number of columns. */
  readonly groups?: readonly ColumnGroup[];
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  /** A last row (totals), set apart in `<tfoot>`. */
  readonly footer?: readonly string[];
}

const rowHtml = (cells: readonly string[], columns: readonly TableColumn[]): string =>
  `<tr>${cells
    .map((cell, index) => {
      const numeric = columns[index]?.numeric === true ? ' class="num"' : '';
      return index === 0
        ? `<th scope="row"${numeric}>${escapeHtml(cell)}</th>`
        : `<td${numeric}>${escapeHtml(cell)}</td>`;
    })
    .join('')}</tr>`;

/** The numbers behind a chart as an HTML table: what a screen reader reads and what a person can check. */
export const htmlTable = (input: TableInput): string => {
  const head = input.columns
    .map(
      (column) =>
        `<th scope="col"${column.numeric === true ? ' class="num"' : ''}>${labelHtml(column.header)}</th>`,
    )
    .join('');
  const groups =
    input.groups === undefined
      ? ''
      : `<tr>${input.groups
          .map((group) =>
            group.header === undefined
              ? `<td colspan="${group.span}"></td>`
              : `<th scope="colgroup" colspan="${group.span}" class="group">${labelHtml(group.header)}</th>`,
          )
          .join('')}</tr>`;
  const body = input.rows.map((row) => rowHtml(row, input.columns)).join('\n');
  const foot = input.footer === undefined ? '' : `<tfoot>${rowHtml(input.footer, input.columns)}</tfoot>`;
  return (
    `<div class="table-wrap"><table id="${escapeHtml(input.id)}">` +
    `<caption>${escapeHtml(input.caption)}</caption><thead>${groups}<tr>${head}</tr></thead>` +
    `<tbody>\n${body}\n</tbody>${foot}</table></div>`
  );
};
