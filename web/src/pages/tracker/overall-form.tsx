import { createSignal } from 'solid-js';
import { CONFIDENCE_LABELS } from '../../../../shared/returns/schema.js';
import { CONFIDENCE_SCALE, type ConfidenceLevel } from '../../../../shared/tracker/compute.js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { overallConfidenceChanged, setOverallConfidence, type Tracker } from '../../api/tracker.js';
import { Radios, Select, TextArea, optionsOf } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { Section } from '../../components/section.js';
import { Form } from '../../components/form.js';

const LEVEL_OPTIONS = [{ value: 'auto', label: "Use the agencies' ratings (the worst of them)" }, ...optionsOf(CONFIDENCE_SCALE, CONFIDENCE_LABELS)];

/**
 * The lead's overall confidence for one workstream in the period. Left unset, the worst of the
 * agencies' ratings applies; "Use the agencies' ratings" clears a setting.
 */
export function OverallForm(props: { t: Tracker; onSaved: (message: string) => void }) {
  const [wsId, setWsId] = createSignal(props.t.matrix[0]?.workstreamId ?? '');
  const row = () => props.t.matrix.find((m) => m.workstreamId === wsId());
  const [level, setLevel] = createSignal<string>('auto');
  const [note, setNote] = createSignal('');
  const form = createFormState();
  const choose = (id: string) => {
    setWsId(id);
    const r = props.t.matrix.find((m) => m.workstreamId === id);
    setLevel(r?.overall.source === 'lead' && r.overall.confidence ? r.overall.confidence : 'auto');
    setNote(r?.overall.source === 'lead' ? (r.overall.note ?? '') : '');
  };
  choose(wsId());
  const submit = async () => {
    const r = row();
    if (!r) return;
    if (note().length > 1000) return form.setErrors([{ field: 'overall-note', message: 'The note must be 1,000 characters or fewer' }]);
    const confidence = level() === 'auto' ? null : (level() as ConfidenceLevel);
    await form.save(
      async () => {
        await setOverallConfidence(props.t.period.id, r.workstreamId, { confidence, note: note() }, r.overall.version);
        void overallConfidenceChanged();
        props.onSaved(
          confidence
            ? `${r.name}: overall confidence set to ${CONFIDENCE_LABELS[confidence]} for ${periodLabel(props.t.period.id)}.`
            : `${r.name}: overall confidence now follows the agencies' ratings.`,
        );
      },
      {
        stale: 'Someone changed this workstream’s overall confidence after you opened the tracker. Reload the page and try again.',
        fallback: 'The overall confidence could not be saved. Try again.',
      },
    );
  };
  return (
    <Section headingId="overall-form-heading" title="Set a workstream's overall confidence" class="app-tracker-section app-no-print">
      <p class="govuk-body">By default a workstream's overall confidence is the worst of the agencies' ratings. Set it yourself when the whole picture differs, and say why.</p>
      <Form onSubmit={submit} form={form} submit="Save overall confidence">
        <Select id="overall-workstream" label="Workstream" value={wsId()} onChange={choose} options={props.t.matrix.map((m) => ({ value: m.workstreamId, label: m.name }))} />
        <Radios id="overall" legend={`Overall confidence for ${periodLabel(props.t.period.id)}`} options={LEVEL_OPTIONS} value={level()} onChange={setLevel} />
        <TextArea
          id="overall-note"
          label="Note (optional)"
          hint="Why the overall rating differs from the agencies' ratings. Shown on the tracker and the board report."
          error={form.err('overall-note')}
          rows={3}
          value={note()}
          onInput={setNote}
        />
      </Form>
    </Section>
  );
}
