import { createStore } from 'solid-js/store';
import { Show } from 'solid-js';
import { ROLE_LABELS, type Role } from '../../../../shared/auth/roles.js';
import { personProblems } from '../../../../shared/users/schema.js';
import { Checkboxes, Radios, Select, TextField, namedOptions } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { withAny } from '../../components/filter-form.js';
import { storeFields } from '../../components/store-fields.js';
import { useApp } from '../../state.js';
import { Form } from '../../components/form.js';

/** What the invite and change forms ask. */
export interface PersonAnswers {
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  signatory: boolean;
  agencyAdmin: boolean;
}

/** Where each answer is on the form, for the server's field errors. */
const FIELD: Record<string, string> = { name: 'name', email: 'email', role: 'role', agencyId: 'agencyId', signatory: 'flags', agencyAdmin: 'flags' };

const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: 'partner', label: ROLE_LABELS.partner, hint: 'Prepares their agency’s returns, readiness and Kinship offer items; may sign for the agency' },
  { value: 'lead', label: ROLE_LABELS.lead, hint: 'Runs the programme: reviews, publishes and manages people' },
  { value: 'executive', label: ROLE_LABELS.executive, hint: 'Reads the tracker and board reports' },
];

/**
 * The person form, for an invitation (with the email address) or a change. `fixed` is what the
 * person filling it in may not change: an agency administrator invites partners of their own
 * agency only, and nobody changes their own role.
 */
export function PersonForm(props: {
  initial: PersonAnswers;
  invite: boolean;
  /** the role and agency are fixed (an agency administrator, or the person themselves) */
  fixedRole: boolean;
  /** only the lead grants agency administration */
  canGrantAdmin: boolean;
  submit: string;
  cancelHref: string;
  onSave: (answers: PersonAnswers) => Promise<void>;
}) {
  const app = useApp();
  const form = createFormState();
  const [v, setV] = createStore<PersonAnswers>({ ...props.initial });
  const { text, choice } = storeFields({ values: v, set: setV, err: form.err });
  const agencies = () => namedOptions(app.agencies());
  const flags = () => [...(v.signatory ? ['signatory'] : []), ...(v.agencyAdmin ? ['agencyAdmin'] : [])];
  const setRole = (role: string) => {
    setV('role', role as Role);
    if (role !== 'partner') setV({ signatory: false, agencyAdmin: false });
  };

  const submit = async () => {
    const agencyId = v.role === 'executive' ? null : v.agencyId || null;
    const local = [
      ...(v.name.trim() ? [] : [{ field: 'name', message: 'Enter their full name' }]),
      ...(props.invite && !v.email.trim() ? [{ field: 'email', message: 'Enter their work email address' }] : []),
      ...personProblems({ role: v.role, agencyId, signatory: v.signatory, agencyAdmin: v.agencyAdmin }).map((p) => ({ field: FIELD[p.path] ?? p.path, message: p.message })),
    ];
    if (local.length) return form.setErrors(local);
    await form.save(() => props.onSave({ ...v, agencyId: agencyId ?? '' }), {
      field: (path) => FIELD[path.split('.')[0] ?? path],
      stale: 'Someone else changed this person while you were editing. Go back to their page to see the change, then make yours again.',
      fallback: 'The change could not be saved. Try again.',
      conflict: { field: 'email', message: 'This email address already has an account. Find the person in the list of people instead.' },
    });
  };

  return (
    <Form onSubmit={submit} form={form} submit={props.submit} cancelHref={props.cancelHref}>
      <TextField {...text('name')} label="Full name" maxlength={120} autocomplete="off" spellcheck={false} />
      <Show when={props.invite}>
        <TextField {...text('email')} label="Work email address" hint="They sign in with it. It cannot be changed later." type="email" maxlength={254} spellcheck={false} />
      </Show>
      <Show when={!props.fixedRole}>
        <Radios id="role" legend="Role" options={ROLE_OPTIONS} value={v.role} onChange={setRole} error={form.err('role')} />
        <Show when={v.role !== 'executive'}>
          <Select {...choice('agencyId')} label="Agency" options={withAny('Choose an agency', agencies())} />
        </Show>
      </Show>
      <Show when={v.role === 'partner'}>
        <Checkboxes
          id="flags"
          legend="What else they do for their agency"
          hint="Select all that apply."
          options={[
            { value: 'signatory', label: 'Signs documents for the agency', hint: 'Approves or asks for changes to the threshold document' },
            ...(props.canGrantAdmin
              ? [{ value: 'agencyAdmin', label: 'Manages the agency’s people', hint: 'Invites and deactivates the agency’s own partner agency officers' }]
              : []),
          ]}
          selected={flags()}
          onChange={(s) => setV({ signatory: s.includes('signatory'), agencyAdmin: s.includes('agencyAdmin') })}
          error={form.err('flags')}
        />
      </Show>
    </Form>
  );
}
