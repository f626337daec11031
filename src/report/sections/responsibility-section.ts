import { assigneeId } from '../../domain/problem/responsibility-events.js';
import { formatCount, formatHours } from '../format.js';
import { htmlTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

/**
 * Who answers for what (责任主体): the busiest responsible bodies with their open, overdue and resolved
 * problems, and each department's response to the street's whistle (部门报到): problems assigned, responses
 * recorded, the median hours from assignment to response, overdue and still awaiting a response.
 */
export const responsibilitySection = (data: ReportData): string => {
  const { departments, assignees, assigneeCount, filedWithStreet } = data.responsibility;
  const departmentTable = htmlTable({
    id: 'table-departments',
    caption: 'Department responses, whole history',
    columns: [
      { header: { en: 'Department', zh: '部门' } },
      { header: { en: 'Assigned', zh: '交办' }, numeric: true },
      { header: { en: 'Responses', zh: '报到' }, numeric: true },
      { header: { en: 'Median response' }, numeric: true },
      { header: { en: 'Overdue', zh: '超期' }, numeric: true },
      { header: { en: 'Awaiting response' }, numeric: true },
    ],
    rows: departments.map((line) => [
      line.departmentId,
      formatCount(line.assigned),
      formatCount(line.responses),
      formatHours(line.medianResponseHours ?? null),
      formatCount(line.overdue),
      formatCount(line.awaitingResponse),
    ]),
  });
  const assigneeTable = htmlTable({
    id: 'table-assignees',
    caption: `The ${formatCount(assignees.length)} busiest of ${formatCount(assigneeCount)} responsible bodies`,
    columns: [
      { header: { en: 'Responsible body', zh: '责任主体' } },
      { header: { en: 'Role' } },
      { header: { en: 'Open', zh: '在办' }, numeric: true },
      { header: { en: 'Overdue', zh: '超期' }, numeric: true },
      { header: { en: 'Resolved', zh: '办结' }, numeric: true },
    ],
    rows: assignees.map((line) => [
      assigneeId(line.assignee),
      line.role,
      formatCount(line.open),
      formatCount(line.overdue),
      formatCount(line.resolved),
    ]),
  });
  return section(
    'responsibility',
    { en: 'Responsible bodies and department responses', zh: '责任主体与部门报到' },
    'Each problem is counted under the body assigned it now (a reassignment moves it); overdue means open past ' +
      'the time limit of its measures, else of the tier holding it. A department response is a recorded ' +
      `report (报到) after the street assigned it the problem. ${formatCount(filedWithStreet)} problems kept by ` +
      'their community were filed with the street for the record.',
    departmentTable + assigneeTable,
  );
};
