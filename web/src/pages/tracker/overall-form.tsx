import { createSignal, For, Show } from 'solid-js';
import { CONFIDENCE_LABELS } from '../../../../shared/returns/schema.js';
import { CONFIDENCE_SCALE, type ConfidenceLevel } from '../../../../shared/tracker/compute.js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { ApiError } from '../../api/client.js';
import { setOverallConfidence, type Tracker } from '../../api/tracker.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';

/**
 * The lead's overall confidence for one workstream in the period. Left unset, the worst of the
 * agencies' ratings applies; "Use the agencies' ratings" clears a setting.
 */
export function OverallForm(props: { t: Tracker; onSaved: (message: string) => void }) {
  const [wsId, setWsId] = createSignal(props.t.matrix[0]?.workstreamId ?? '');
  const row = () => props.t.matrix.find((m) => m.workstreamId === wsId());
  const [level, setLevel] = createSignal<ConfidenceLevel | 'auto'>('auto');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const choose = (id: string) => {
    setWsId(id);
    const r = props.t.matrix.find((m) => m.workstreamId === id);
    setLevel(r?.overall.source === 'lead' && r.overall.confidence ? r.overall.confidence : 'auto');
    setNote(r?.overall.source === 'lead' ? (r.overall.note ?? '') : '');
  };
  choose(wsId());
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = row();
    if (!r) return;
    if (note().length > 1000) {
      setErrors([{ field: 'overall-note', message: 'The note must be 1,000 characters or fewer' }]);
      return;
    }
    setBusy(true);
    try {
      const confidence = level() === 'auto' ? null : (level() as ConfidenceLevel);
      await setOverallConfidence(props.t.period.id, r.workstreamId, { confidence, note: note() }, r.overall.version);
      setErrors([]);
      props.onSaved(confidence ? `${r.name}: overall confidence set to ${CONFIDENCE_LABELS[confidence]} for ${periodLabel(props.t.period.id)}.` : `${r.name}: overall confidence now follows the agencies' ratings.`);
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      setErrors([{ message: api?.status === 412 ? 'Someone changed this workstream’s overall confidence after you opened the tracker. Reload the page and try again.' : (api?.detail ?? 'The overall confidence could not be saved. Try again.') }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="app-tracker-section app-no-print" aria-labelledby="overall-form-heading">
      <h2 class="govuk-heading-m" id="overall-form-heading">
        Set a workstream's overall confidence
      </h2>
      <p class="govuk-body">By default a workstream's overall confidence is the worst of the agencies' ratings. Set it yourself when the whole picture differs, and say why.</p>
      <Show when={errors().length > 0 ? errors() : false} keyed>
        {(list) => <ErrorSummary errors={list} />}
      </Show>
      <form onSubmit={submit} novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="overall-workstream">
            Workstream
          </label>
          <select id="overall-workstream" class="govuk-select" value={wsId()} onChange={(e) => choose(e.currentTarget.value)}>
            <For each={props.t.matrix}>{(m) => <option value={m.workstreamId}>{m.name}</option>}</For>
          </select>
        </div>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Overall confidence for {periodLabel(props.t.period.id)}</legend>
            <div class="govuk-radios">
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id="overall-auto" name="overall" type="radio" value="auto" checked={level() === 'auto'} onChange={() => setLevel('auto')} />
                <label class="govuk-label govuk-radios__label" for="overall-auto">
                  Use the agencies' ratings (the worst of them)
                </label>
              </div>
              <For each={CONFIDENCE_SCALE}>
                {(c) => (
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id={`overall-${c}`} name="overall" type="radio" value={c} checked={level() === c} onChange={() => setLevel(c)} />
                    <label class="govuk-label govuk-radios__label" for={`overall-${c}`}>
                      {CONFIDENCE_LABELS[c]}
                    </label>
                  </div>
                )}
              </For>
            </div>
          </fieldset>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="overall-note">
            Note (optional)
          </label>
          <p class="govuk-hint" id="overall-note-hint">
            Why the overall rating differs from the agencies' ratings. Shown on the tracker and the board report.
          </p>
          <textarea class="govuk-textarea" id="overall-note" rows="3" aria-describedby="overall-note-hint" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" class="govuk-button" disabled={busy()}>
          Save overall confidence
        </button>
      </form>
    </section>
  );
}
