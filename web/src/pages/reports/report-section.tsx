import { Show } from 'solid-js';
import { scanFields } from '../../../../shared/pii/detect.js';
import type { YearlyReportSection } from '../../api/reports.js';
import { WithAside } from '../../components/columns.js';
import { formatDateTime } from '../../components/format.js';
import { Section } from '../../components/section.js';
import { ChangeLink } from '../../components/summary-list.js';
import { SourceList, SourcedText } from '../../components/sourced-text.js';
import { PiiWarning } from '../../components/warning-text.js';
import { sectionEditPath } from './paths.js';

export const sectionHeadingId = (key: string) => `section-${key}`;

/**
 * One section of the report: who edited it and, for the lead, the way to edit it (under the
 * heading, not after a long text) and a warning where the text may hold personal details, its text,
 * and the figures' sources beside it (stacked under it on a narrow screen).
 */
export function ReportSection(props: { reportId: string; section: YearlyReportSection; canEdit: boolean }) {
  const s = () => props.section;
  return (
    <Section headingId={sectionHeadingId(s().key)} title={s().heading} focusable class="app-report-section">
      <WithAside aside={<SourceList sources={s().sources} prefix={s().key} title="Figures and their records" />}>
        <Show when={s().edited || props.canEdit}>
          <p class="govuk-body-s app-report-section__meta">
            <Show when={s().edited}>
              <span class="app-report-section__edited">
                Edited by {s().editedByName} on {formatDateTime(s().editedAt)}.
              </span>{' '}
            </Show>
            <Show when={props.canEdit}>
              <span class="app-no-print">
                <ChangeLink text="Edit" what={`"${s().heading}"`} href={sectionEditPath(props.reportId, s().key)} />
              </span>
            </Show>
          </p>
        </Show>
        {/* The report is published: the lead is told of anything that may be personal details, quoted from a return or typed. */}
        <Show when={props.canEdit}>
          <PiiWarning warnings={scanFields({ text: s().text })} />
        </Show>
        <SourcedText text={s().text} sources={s().sources} prefix={s().key} testId={`text-${s().key}`} />
      </WithAside>
    </Section>
  );
}
