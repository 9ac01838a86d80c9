import { createSignal, Show } from 'solid-js';
import { MILESTONE_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import { addMilestone } from '../../api/programme.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { errorFor, Select, TextArea, TextField } from '../../components/fields.js';
import { useApp } from '../../state.js';
import type { ProgrammeWorkstream } from './milestones.js';
import { toErrors } from './problems.js';

type NewMilestone = Parameters<typeof addMilestone>[1];

export const STATUS_OPTIONS = Object.entries(MILESTONE_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** Add a milestone to one workstream. What was typed stays when the server refuses it. */
export function AddMilestoneForm(props: { workstream: ProgrammeWorkstream; onAdded: () => void }) {
  const app = useApp();
  const prefix = `ms-${props.workstream.id}`;
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [due, setDue] = createSignal('');
  const [status, setStatus] = createSignal('not-started');
  const agencies = () => app.partnership()?.agencies ?? [];
  // Until the lead chooses, the owner is the first agency (what the list shows).
  const ownerId = () => owner() || agencies()[0]?.id || '';
  const error = (f: string) => errorFor(errors(), `${prefix}-${f}`);
  const reset = () => {
    setTitle('');
    setDescription('');
    setOwner('');
    setDue('');
    setStatus('not-started');
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const dueError = dateError(due(), 'Due date');
    if (dueError) return setErrors([{ field: `${prefix}-dueDate`, message: dueError }]);
    setBusy(true);
    setErrors([]);
    try {
      // The server checks the status against the ones it knows (a 400 names the field otherwise).
      await addMilestone(props.workstream.id, { title: title(), description: description(), ownerAgencyId: ownerId(), dueDate: due(), status: status() as NewMilestone['status'] });
      reset();
      props.onAdded();
    } catch (err) {
      setErrors(toErrors(err, prefix));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">Add a milestone to {props.workstream.name}</span>
      </summary>
      <div class="govuk-details__text">
        <form onSubmit={submit} novalidate>
          <Show when={errors().length}>
            <ErrorSummary errors={errors()} />
          </Show>
          <TextField id={`${prefix}-title`} label="Title" labelClass="" error={error('title')} value={title()} onInput={setTitle} />
          <TextArea id={`${prefix}-description`} label="Description (optional)" labelClass="" rows={3} error={error('description')} value={description()} onInput={setDescription} />
          <Select id={`${prefix}-ownerAgencyId`} label="Owner" labelClass="" error={error('ownerAgencyId')} value={ownerId()} onChange={setOwner} options={agencies().map((a) => ({ value: a.id, label: a.name }))} />
          <DateInput id={`${prefix}-dueDate`} legend="Due date" legendClass="" hint="For example, 31 3 2027" error={error('dueDate')} value={due()} onChange={setDue} />
          <Select id={`${prefix}-status`} label="Status" labelClass="" error={error('status')} value={status()} onChange={setStatus} options={STATUS_OPTIONS} />
          <button type="submit" class="govuk-button" disabled={busy()}>
            Add milestone
          </button>
        </form>
      </div>
    </details>
  );
}
