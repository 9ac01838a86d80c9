import { useSearchParams } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import type { IndicatorSeries } from '../../api/measures.js';
import type { LoadedReturn, ReturnKey, WorkstreamWithMilestones } from '../../api/returns.js';
import { ConflictPanel } from '../../components/conflict-panel.js';
import { Page } from '../../components/page.js';
import { fieldId } from '../../../../shared/returns/paths.js';
import { EscalationEditor, MetricEditor } from './list-editors.js';
import { MilestoneFields } from './milestone-fields.js';
import { ourReturnPath } from './paths.js';
import { RiskEditor } from './risk-editor.js';
import { ConfidenceField, NarrativeField } from './section-fields.js';
import { emptyRisk } from '../../../../shared/returns/section-form.js';
import { useSectionForm } from './use-section-form.js';
import { YourText } from './your-text.js';
import { CopiedFromNote, StartFromLink } from './start-from-link.js';
import './section-form.css';
import { Form } from '../../components/form.js';
import { FormErrors } from '../../components/form-state.js';
import { IndicatorFields } from './indicator-fields.js';
import { useLocationFlash } from '../../components/flash-banner.js';

/*
 * One section of the partner's return: delivery confidence, narrative, milestone updates, risks,
 * escalations, measures and the values of its outcome indicators. "Save and continue" saves the
 * whole section (PUT with If-Match).
 */

export function SectionForm(props: {
  periodId: string;
  agencyId: string;
  workstream: WorkstreamWithMilestones;
  loaded: LoadedReturn;
  mutate(r: LoadedReturn, forKey?: ReturnKey): void;
  /** The outcome indicators the agency reports in this section this quarter, and the small-number threshold. */
  indicators: IndicatorSeries[];
  threshold: number;
}) {
  const [search] = useSearchParams<{ focus?: string }>();
  // eslint-disable-next-line solid/reactivity
  const s = useSectionForm(props);
  const { form, setForm, f } = s;
  const [flash] = useLocationFlash();

  // A Change link or an error on the check page names the answer to go to.
  onMount(() => {
    const focus = search.focus;
    if (focus) setTimeout(() => document.getElementById(fieldId(focus))?.focus(), 50);
  });

  return (
    <Page
      title={props.workstream.name}
      caption={`Your return for ${periodLabel(props.periodId)}`}
      hasErrors={s.summary().length > 0}
      flash={flash()}
      backLink={{ href: ourReturnPath(props.periodId), text: 'Back to your return' }}
    >
      <FormErrors errors={s.summary()} title={s.onlyQueries() ? 'Check these values' : undefined} />
      <Show when={s.conflict()}>
        <ConflictPanel title="Someone else saved this return first" action="Reload their version" busy={s.reloading()} onAction={() => void s.reloadTheirs()}>
          <p class="govuk-body">
            Someone else in your agency saved the return after you opened this page, so your changes to this section have <strong>not</strong> been saved. Your text is still in the
            form below.
          </p>
          <p class="govuk-body">Reload their version to see what they saved. Your text will stay on this page so you can copy it back in.</p>
        </ConflictPanel>
      </Show>
      <Show when={s.mine()}>{(m) => <YourText text={m()} milestones={s.openMilestones()} indicators={props.indicators} threshold={props.threshold} />}</Show>
      <CopiedFromNote section={props.loaded.data.sections.find((x) => x.workstreamId === props.workstream.id)} />
      <StartFromLink periodId={props.periodId} agencyId={props.agencyId} workstreamId={props.workstream.id} workstreamName={props.workstream.name} />

      <p class="govuk-body">{props.workstream.description}</p>

      <Form
        class="app-section-form"
        onSubmit={() => void s.save()}
        submit={s.saving() ? 'Saving…' : 'Save and continue'}
        busy={s.saving()}
        cancelHref={ourReturnPath(props.periodId)}
      >
        <ConfidenceField f={f} value={form.confidence} onChange={(v) => setForm('confidence', v)} />
        <NarrativeField f={f} value={form.narrative} onInput={(v) => setForm('narrative', v)} carried={s.stillCarried()} />
        <MilestoneFields f={f} milestones={s.openMilestones()} updates={form.milestones} onChange={(j, field, v) => setForm('milestones', j, field, v)} />
        <IndicatorFields
          f={f}
          periodId={props.periodId}
          indicators={props.indicators}
          rows={form.indicators}
          threshold={props.threshold}
          queries={s.queries()}
          onChange={(k, change) => setForm('indicators', k, change)}
        />
        <RiskEditor
          f={f}
          items={form.risks}
          onAdd={() => setForm('risks', (rs) => [...rs, emptyRisk()])}
          onRemove={(k) => setForm('risks', (rs) => rs.filter((_, x) => x !== k))}
          onChange={(k, field, v) => setForm('risks', k, field, v)}
        />
        <EscalationEditor
          f={f}
          items={form.escalations}
          onAdd={() => setForm('escalations', (es) => [...es, { summary: '' }])}
          onRemove={(k) => setForm('escalations', (es) => es.filter((_, y) => y !== k))}
          onChange={(k, field, v) => setForm('escalations', k, field, v)}
        />
        <MetricEditor
          f={f}
          items={form.metrics}
          onAdd={() => setForm('metrics', (ms) => [...ms, { name: '', value: '' }])}
          onRemove={(k) => setForm('metrics', (ms) => ms.filter((_, y) => y !== k))}
          onChange={(k, field, v) => setForm('metrics', k, field, v)}
        />
      </Form>
    </Page>
  );
}
