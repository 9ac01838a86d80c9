import { z } from 'zod';
import { PeriodId } from '../periods/period.js';

/**
 * The yearly partnership report (Working Together 2023): a draft the portal writes from its own
 * records for a 12-month window, which the programme lead then edits. Each section is plain text
 * (paragraphs, "- " bullets) whose figures carry markers such as `[2]`, each naming one of the
 * section's sources: the record the figure comes from, with the portal page that shows it.
 */

/** The Working Together headings, in the order the report gives them. */
export const REPORT_SECTION_KEYS = ['what-we-did', 'effectiveness', 'impact', 'little-progress', 'reviews', 'feedback', 'next-year'] as const;
export const ReportSectionKey = z.enum(REPORT_SECTION_KEYS);
export type ReportSectionKey = z.infer<typeof ReportSectionKey>;

export const REPORT_SECTION_HEADINGS: Record<ReportSectionKey, string> = {
  'what-we-did': 'What the safeguarding partners did',
  effectiveness: 'How effective the arrangements were',
  impact: 'Evidence of impact',
  'little-progress': 'Priorities with little or no progress',
  reviews: 'Actions taken on child safeguarding practice reviews',
  feedback: 'How feedback from children and families shaped the work',
  'next-year': 'Plans for the next year',
};

/** The longest a section may be: room for quoted narratives, well inside one stored item. */
export const REPORT_SECTION_MAX = 20_000;

/** Where a figure comes from: what it says, and the portal page of the record (a path within the partnership). */
export const ReportSource = z.object({
  n: z.number().int().min(1).describe('The marker in the text: [n]'),
  text: z.string().describe('The figure or quotation in words, with the record it comes from'),
  path: z.string().describe("The record's page in the portal, e.g. /returns/2026-27-Q1/medway-council"),
});
export type ReportSource = z.infer<typeof ReportSource>;

export const ReportSectionView = z.object({
  key: ReportSectionKey,
  heading: z.string(),
  text: z.string(),
  sources: z.array(ReportSource).describe("The section's figures and their records, by marker"),
  edited: z.boolean().describe('Changed by the lead since the portal wrote it'),
  editedAt: z.string().nullable(),
  editedByName: z.string().nullable(),
});
export type ReportSectionView = z.infer<typeof ReportSectionView>;

export const YearlyReportView = z
  .object({
    id: PeriodId.describe('The last quarter of the window: one report per window'),
    title: z.string(),
    firstPeriodId: PeriodId,
    lastPeriodId: PeriodId,
    start: z.string().describe('First day of the window'),
    end: z.string().describe('Last day of the window'),
    periodIds: z.array(PeriodId).describe('The reporting periods in the window that the partnership opened'),
    generatedAt: z.string(),
    generatedByName: z.string(),
    updatedAt: z.string(),
    updatedByName: z.string(),
    version: z.number().int().min(1).describe('Send back as If-Match'),
    sections: z.array(ReportSectionView),
  })
  .meta({ id: 'YearlyReport' });
export type YearlyReportView = z.infer<typeof YearlyReportView>;

export const YearlyReportSummary = YearlyReportView.omit({ sections: true }).meta({ id: 'YearlyReportSummary' });
export type YearlyReportSummary = z.infer<typeof YearlyReportSummary>;

/** `POST /reports`: draft the report for the 12 months that end with this quarter. */
export const CreateReportRequest = z.object({ lastPeriodId: PeriodId.describe('The last quarter of the 12 months the report covers') }).strict();
export type CreateReportRequest = z.infer<typeof CreateReportRequest>;

/** `PUT /reports/{id}/sections/{key}`: the section's text as the lead wrote it. */
export const UpdateReportSectionRequest = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Enter the text of the section')
      .max(REPORT_SECTION_MAX, `A section must be ${REPORT_SECTION_MAX.toLocaleString('en-GB')} characters or fewer`)
      .describe('Paragraphs separated by a blank line; lines starting "- " are bullets; [n] marks a source'),
  })
  .strict();
export type UpdateReportSectionRequest = z.infer<typeof UpdateReportSectionRequest>;
