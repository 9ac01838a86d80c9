import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { scanFields } from '../../../../shared/pii/detect.js';
import { REPORT_SECTION_MAX, UpdateReportSectionRequest } from '../../../../shared/reports/schema.js';
import { getReport, reportSaved, updateReportSection, type YearlyReport, type YearlyReportSection } from '../../api/reports.js';
import { CharacterCount } from '../../components/character-count.js';
import { WithAside } from '../../components/columns.js';
import { Form } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { StaleText } from '../../components/kept-text.js';
import { Page } from '../../components/page.js';
import { problemMessage } from '../../components/problem-page.js';
import { SourceList } from '../../components/sourced-text.js';
import { reportPath } from './paths.js';
import { sectionHeadingId } from './report-section.js';

const FIELD = 'section-text';

const FORMAT_HINT =
  'Leave a blank line between paragraphs. Start a line with a dash and a space ("- ") to make it a bullet point. A number in square brackets, such as [2], links a figure to its record in the list of figures: keep it next to the figure to keep the figure\'s source.';

/**
 * The lead's form for one section's text: the text as saved, the figures' sources beside it, and
 * Save (with the version the page loaded, so a change someone else saved first is never
 * overwritten: their version can be loaded, with this text kept on the page to copy from).
 */
export function SectionEditForm(props: { report: YearlyReport; section: YearlyReportSection }) {
  const navigate = useNavigate();
  // Seeded once from the version shown: a refetch must not overwrite what the lead is typing.
  const { id: reportId, title } = props.report;
  const { key, heading } = props.section;
  const [text, setText] = createSignal(props.section.text);
  const [version, setVersion] = createSignal(props.report.version);
  const [sources, setSources] = createSignal(props.section.sources);
  /** What was typed when someone else's save came first, until their version is loaded. */
  const [conflict, setConflict] = createSignal<string | null>(null);
  /** What was typed, kept on the page once their version is in the form. */
  const [mine, setMine] = createSignal<string | null>(null);
  const [reloading, setReloading] = createSignal(false);
  const form = createFormState();
  const warnings = createMemo(() => scanFields({ text: text() }));
  const back = `${reportPath(reportId)}#${sectionHeadingId(key)}`;

  const submit = () => {
    // An empty box is said with the section's name; anything else the shared schema checks.
    if (!text().trim()) {
      form.setErrors([{ field: FIELD, message: `Enter the text of "${heading}"` }]);
      return;
    }
    const checked = form.check(UpdateReportSectionRequest.safeParse({ text: text() }), () => FIELD);
    if (!checked) return;
    void form.save(
      async () => {
        const saved = await updateReportSection(reportId, key, checked.text, version());
        const changed = saved.version !== version();
        await reportSaved(saved);
        navigate(reportPath(reportId), { state: { flash: changed ? `"${heading}" has been saved.` : `You made no changes to "${heading}".` } });
      },
      { field: (path) => (path === 'text' ? FIELD : undefined), fallback: 'The section could not be saved. Try again.', onStale: () => setConflict(text()) },
    );
  };

  const loadTheirs = async () => {
    setReloading(true);
    try {
      const fresh = await getReport(reportId);
      const theirs = fresh.sections.find((s) => s.key === key);
      setMine(conflict());
      setConflict(null);
      setVersion(fresh.version);
      setText(theirs?.text ?? '');
      setSources(theirs?.sources ?? []);
      await reportSaved(fresh);
    } catch (e) {
      form.setErrors([{ message: problemMessage(e, 'Their version could not be loaded. Check your connection and try again.') }]);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Page title={`Edit: ${heading}`} heading={heading} caption={title} hasErrors={form.errors().length > 0} backLink={{ href: back, text: 'Back to the report' }}>
      <StaleText stale={conflict() !== null} kept={mine()} reloading={reloading()} onLoad={() => void loadTheirs()} what="this section" />
      <WithAside aside={<SourceList sources={sources()} prefix={key} title="Figures and their records" headingLevel={2} links={false} />}>
        <Form form={form} onSubmit={submit} submit={form.busy() ? 'Saving…' : 'Save'} cancelHref={back}>
          <CharacterCount
            id={FIELD}
            label="Section text"
            hint={FORMAT_HINT}
            error={form.err(FIELD)}
            value={text()}
            onInput={setText}
            max={REPORT_SECTION_MAX}
            rows={18}
            warnings={warnings()}
          />
        </Form>
      </WithAside>
    </Page>
  );
}
