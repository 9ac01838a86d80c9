import { createStore } from 'solid-js/store';
import { MILESTONE_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import { addMilestone } from '../../api/programme.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { Details } from '../../components/details.js';
import { Select, TextArea, TextField, namedOptions } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { useApp } from '../../state.js';
import type { ProgrammeWorkstream } from './milestones.js';
import { Form } from '../../components/form.js';

type NewMilestone = Parameters<typeof addMilestone>[1];

export const STATUS_OPTIONS = Object.entries(MILESTONE_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** Add a milestone to one workstream. What was typed stays when the server refuses it. */
export function AddMilestoneForm(props: { workstream: ProgrammeWorkstream; onAdded: () => void }) {
  const app = useApp();
  const prefix = `ms-${props.workstream.id}`;
  const form = createFormState();
  const blank = { title: '', description: '', owner: '', due: '', status: 'not-started' };
  const [v, setV] = createStore({ ...blank });
  const set = (field: keyof typeof blank) => (value: string) => setV(field, value);
  const agencies = () => app.agencies();
  // Until the lead chooses, the owner is the first agency (what the list shows).
  const ownerId = () => v.owner || agencies()[0]?.id || '';
  const error = (f: string) => form.err(`${prefix}-${f}`);
  const submit = async () => {
    const dueError = dateError(v.due, 'Due date');
    if (dueError) return form.setErrors([{ field: `${prefix}-dueDate`, message: dueError }]);
    await form.save(
      async () => {
        // The server checks the status against the ones it knows (a 400 names the field otherwise).
        await addMilestone(props.workstream.id, {
          title: v.title,
          description: v.description,
          ownerAgencyId: ownerId(),
          dueDate: v.due,
          status: v.status as NewMilestone['status'],
        });
        setV({ ...blank });
        props.onAdded();
      },
      { field: (path) => `${prefix}-${path}`, fallback: 'Something went wrong. Try again.' },
    );
  };
  return (
    <Details summary={`Add a milestone to ${props.workstream.name}`}>
      <Form onSubmit={submit} form={form} submit="Add milestone">
        <TextField id={`${prefix}-title`} label="Title" labelClass="" maxlength={200} error={error('title')} value={v.title} onInput={set('title')} />
        <TextArea
          id={`${prefix}-description`}
          label="Description (optional)"
          labelClass=""
          maxlength={2000}
          rows={3}
          error={error('description')}
          value={v.description}
          onInput={set('description')}
        />
        <Select
          id={`${prefix}-ownerAgencyId`}
          label="Owner"
          labelClass=""
          error={error('ownerAgencyId')}
          value={ownerId()}
          onChange={set('owner')}
          options={namedOptions(agencies())}
        />
        <DateInput id={`${prefix}-dueDate`} legend="Due date" legendClass="" hint="For example, 31 3 2027" error={error('dueDate')} value={v.due} onChange={set('due')} />
        <Select id={`${prefix}-status`} label="Status" labelClass="" error={error('status')} value={v.status} onChange={set('status')} options={STATUS_OPTIONS} />
      </Form>
    </Details>
  );
}
