import { formatDayLong } from '../../../../shared/periods/period.js';

/** The yearly reports' pages, within the partnership. */
export const REPORTS_PATH = '/reports';
export const reportPath = (reportId: string) => `${REPORTS_PATH}/${encodeURIComponent(reportId)}`;
export const reportPrintPath = (reportId: string) => `${reportPath(reportId)}/print`;
export const sectionEditPath = (reportId: string, sectionKey: string) => `${reportPath(reportId)}/sections/${encodeURIComponent(sectionKey)}/edit`;

/** The 12 months a report covers, in words: "1 October 2025 to 30 September 2026". */
export const windowWords = (r: { start: string; end: string }) => `${formatDayLong(r.start)} to ${formatDayLong(r.end)}`;

/** Back to the list, from a report or a page that could not load one. */
export const BACK_TO_REPORTS = { href: REPORTS_PATH, text: 'Go to the yearly reports' };
