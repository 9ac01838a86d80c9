import { api, etagOfVersion, ifMatch, read, saveResponse, seg, type OkOf } from './client.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY, queryClient } from './queries.js';

/** The yearly partnership report (Working Together 2023): drafted from the records, edited by the lead, read by the executive. */

const reports = api.api.reports;
const one = reports[':reportId'];
export type YearlyReportSummary = OkOf<typeof reports.$get>[number];
export type YearlyReport = OkOf<typeof one.$get>;
export type YearlyReportSection = YearlyReport['sections'][number];
export type YearlyReportSource = YearlyReportSection['sources'][number];

const param = (reportId: string) => ({ param: { reportId: seg(reportId) } });

export const listReports = () => read(reports.$get());
export const getReport = (reportId: string) => read(one.$get(param(reportId)));

/** Drafts the report for the 12 months that end with `lastPeriodId` (409 when that window has one). */
export const createReport = (lastPeriodId: string) => read(reports.$post({ json: { lastPeriodId } }));

/** Saves a section's text, based on the version the lead was shown (412 if someone else saved first). */
export const updateReportSection = (reportId: string, sectionKey: YearlyReportSection['key'], text: string, version: number) =>
  read(one.sections[':sectionKey'].$put({ param: { reportId: seg(reportId), sectionKey }, json: { text } }, ifMatch(etagOfVersion(version))));

/** Writes the sections the lead has not edited again from the records, based on the version shown. */
export const regenerateReport = (reportId: string, version: number) => read(one.regenerate.$post(param(reportId), ifMatch(etagOfVersion(version))));

/** Downloads the report as a Word document (fetched with the bearer token, then saved under the name the portal gives it). */
export async function downloadReportDocx(reportId: string): Promise<void> {
  const res = await one['report.docx'].$get(param(reportId));
  await saveResponse(res, `yearly-report-${reportId}.docx`);
}

/** Every report, newest window first; nothing is fetched unless `enabled` (only the lead and the executive may read them). */
export const useReports = (enabled: () => boolean) => createApiQuery(QUERY.reports, listReports, enabled);

/** One report with its sections; nothing is fetched while the id is unknown. */
export const useReport = (reportId: () => string | false | undefined) => createKeyedResource(QUERY.report, reportId, getReport);

/**
 * A write answered with the report as saved: it replaces the cached copy at once (so the next
 * edit is based on it), and the list and the audit trail are fetched again.
 */
export async function reportSaved(saved: YearlyReport): Promise<void> {
  queryClient.setQueryData([QUERY.report, saved.id], saved);
  await invalidate(QUERY.reports, QUERY.audit);
}
