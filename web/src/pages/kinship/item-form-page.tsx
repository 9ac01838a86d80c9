import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, Match, Show, Switch, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { readyForReview } from '../../../../shared/kinship/ready.js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, CATEGORIES, CATEGORY_LABELS, CreateItemRequest, STATUTORY_CATEGORIES } from '../../../../shared/kinship/schema.js';
import { ApiError, type WithEtag } from '../../api/client.js';
import { createItem, updateItem, type StaffItem } from '../../api/kinship.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { Choices, errorFor, fieldOfPath, Select, TextArea, TextField } from '../../components/fields.js';
import { setKinshipFlash } from './flash.js';
import { blank, FIELDS, fromItem, messageFor, OTHER, toRequest, type FormValues } from './form-values.js';
import { createItemResource, kinshipChanged } from './item-data.js';
import { AUDIENCE_LABELS, BackToRegister, MEANS_TESTED_OPTIONS } from './labels.js';
import './kinship.css';

/** /kinship/new and /kinship/:id/edit: draft or change an item, validated by the shared schema. */
export default function KinshipItemFormPage() {
  const app = useApp();
  const navigate = useNavigate();
  const params = useParams<{ id?: string }>();
  const location = useLocation();
  const editing = () => Boolean(params.id);
  const [item, { mutate }] = createItemResource(() => params.id);
  // The item as the form was filled from: a refetch meanwhile changes neither what is typed nor the ETag saved against.
  const [loaded, setLoaded] = createSignal<WithEtag<StaffItem>>();
  const [values, setValues] = createStore<FormValues>(blank(app.me()?.agencyId));
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const err = (f: keyof FormValues) => errorFor(errors(), f);
  const agencies = () => (app.partnership.state === 'ready' ? (app.partnership()?.agencies ?? []) : []);
  const me = () => app.me()!;

  createEffect(() => {
    const current = item();
    if (!current || untrack(loaded)?.data.id === current.data.id) return;
    setLoaded(current);
    setValues(fromItem(current.data));
    // Opened from "what is missing" on the item page (/kinship/:id/edit#contact): go to that field.
    const field = location.hash.slice(1);
    if ((FIELDS as string[]).includes(field)) queueMicrotask(() => document.getElementById(field)?.focus());
  });
  /** Said after saving when the item cannot be sent for review yet (the API's own rule). */
  const stillNeeded = (v: FormValues) => {
    const missing = readyForReview(v);
    return missing.length ? ` Before it can be sent for review: ${missing.map((m) => m.message).join('; ')}.` : '';
  };

  const forbidden = () => {
    if (me().role === 'executive') return 'Partnership executive members can read the register but not change it.';
    const item = loaded()?.data;
    if (item && me().role === 'partner' && item.ownerAgencyId !== me().agencyId) return `Only ${app.agencyName(item.ownerAgencyId)} and the programme lead can change this item.`;
    if (item?.status === 'retired') return 'This item is retired and cannot be changed.';
    return null;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const body = toRequest(values);
    const parsed = CreateItemRequest.safeParse(body);
    if (!parsed.success) {
      const seen = new Map<keyof FormValues, string>();
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as keyof FormValues;
        if (!seen.has(f)) seen.set(f, messageFor(f, values, issue.message));
      }
      setErrors(FIELDS.filter((f) => seen.has(f)).map((f) => ({ field: f, message: seen.get(f)! })));
      return;
    }
    setBusy(true);
    try {
      if (editing()) {
        const current = loaded()!;
        const saved = await updateItem(current.data.id, parsed.data, current.etag);
        mutate(saved);
        void kinshipChanged();
        setKinshipFlash(
          `${saved.data.revisionPending ? 'Your changes are saved and wait for the programme lead to publish them. Families still see the published version.' : 'Your changes are saved.'}${stillNeeded(values)}`,
        );
        navigate(`/kinship/${saved.data.id}`);
      } else {
        const created = await createItem(parsed.data);
        void kinshipChanged();
        setKinshipFlash(`"${created.title}" is saved as a draft.${stillNeeded(values) || ' Send it for review when it is ready.'}`);
        navigate(`/kinship/${created.id}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        setErrors(
          error.errors.map((fe) => {
            const f = fieldOfPath(fe.path) as keyof FormValues;
            return FIELDS.includes(f) ? { field: f === 'providerAgencyId' ? 'providerAgencyId' : f, message: fe.message } : { message: fe.message };
          }),
        );
      } else if (error instanceof ApiError && error.status === 412) {
        setErrors([{ message: 'Someone else changed this item since you opened it. Reload the page to see their changes, then make yours again.' }]);
      } else {
        setErrors([{ message: error instanceof ApiError ? error.detail : 'The item could not be saved. Try again.' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const title = () => (editing() ? 'Edit a Kinship Local Offer item' : 'Add a Kinship Local Offer item');

  return (
    <Switch>
      <Match when={item.state === 'errored'}>
        <Page title="Item not found">
          <p class="govuk-body">{item.error instanceof ApiError ? item.error.detail : 'The item could not be loaded.'}</p>
        </Page>
      </Match>
      <Match when={editing() && !loaded()}>
        <Loading label="Loading the item…" />
      </Match>
      <Match when={forbidden()}>
        {(why) => (
          <Page title="You cannot change this item">
            <p class="govuk-body">{why()}</p>
            <BackToRegister />
          </Page>
        )}
      </Match>
      <Match when={true}>
        <Page title={title()} caption={editing() ? loaded()?.data.title : app.agencyName(me().agencyId)} hasErrors={errors().length > 0}>
          <Show when={errors().length}>
            <ErrorSummary errors={errors()} />
          </Show>
          <Show when={editing() && loaded()?.data.status === 'published'}>
            <div class="govuk-inset-text">
              <p class="govuk-body">
                This item is published. Your changes go to the programme lead for review; families keep seeing the published text until the lead publishes your changes.
              </p>
            </div>
          </Show>
          <p class="govuk-body">Write for kinship carers and children: short sentences, everyday words. Do not include anyone's name, date of birth, NHS number or address.</p>
          <form onSubmit={submit} novalidate class="app-form">
            <Select
              id="category"
              label="Category"
              hint="The first six are the areas the law says the offer must cover."
              error={err('category')}
              value={values.category}
              onChange={(v) => setValues('category', v)}
              options={[
                { value: '', label: 'Choose a category' },
                ...CATEGORIES.map((c) => ({ value: c, label: `${CATEGORY_LABELS[c]}${(STATUTORY_CATEGORIES as readonly string[]).includes(c) ? '' : ' (optional)'}` })),
              ]}
            />
            <TextField
              id="title"
              label="Title"
              hint="For example, Special guardianship allowance."
              error={err('title')}
              value={values.title}
              onInput={(v) => setValues('title', v)}
            />
            <TextArea
              id="summary"
              label="Summary"
              hint="What the support is and how it helps, in plain English."
              error={err('summary')}
              value={values.summary}
              onInput={(v) => setValues('summary', v)}
              rows={4}
            />
            <Choices
              type="checkbox"
              id="arrangementTypes"
              legend="Which kinship arrangements is it for?"
              hint="Select all that apply. Support should follow the child's needs, not the legal order."
              error={err('arrangementTypes')}
              options={ARRANGEMENT_TYPES.map((t) => ({ value: t, label: ARRANGEMENT_LABELS[t] }))}
              selected={values.arrangementTypes}
              onChange={(s) => setValues('arrangementTypes', s)}
            />
            <Choices
              type="checkbox"
              id="audience"
              legend="Who is it for?"
              error={err('audience')}
              options={[
                { value: 'carers', label: AUDIENCE_LABELS.carers! },
                { value: 'children', label: AUDIENCE_LABELS.children! },
              ]}
              selected={values.audience}
              onChange={(s) => setValues('audience', s)}
            />
            <TextArea
              id="eligibility"
              label="Who can get it"
              hint="Eligibility in plain English: who qualifies and who does not."
              error={err('eligibility')}
              value={values.eligibility}
              onInput={(v) => setValues('eligibility', v)}
              rows={3}
            />
            <TextArea
              id="howToApply"
              label="How to apply"
              hint="Needed before the item can be sent for review."
              error={err('howToApply')}
              value={values.howToApply}
              onInput={(v) => setValues('howToApply', v)}
              rows={3}
            />
            <Choices
              type="radio"
              id="meansTested"
              legend="Is it means-tested?"
              error={err('meansTested')}
              options={MEANS_TESTED_OPTIONS}
              selected={[values.meansTested]}
              onChange={(s) => setValues('meansTested', s[0] ?? 'not-applicable')}
            />
            <TextArea
              id="howDecisionsAreMade"
              label={values.category === 'financial-support' ? 'How decisions are made' : 'How decisions are made (optional)'}
              hint="Required for financial support: who decides, how long it takes and how to challenge a decision."
              error={err('howDecisionsAreMade')}
              value={values.howDecisionsAreMade}
              onInput={(v) => setValues('howDecisionsAreMade', v)}
              rows={3}
            />
            <Select
              id="providerAgencyId"
              label="Who provides it"
              error={err('providerAgencyId')}
              value={values.providerAgencyId}
              onChange={(v) => setValues('providerAgencyId', v)}
              options={[...agencies().map((a) => ({ value: a.id, label: a.name })), { value: OTHER, label: 'Another organisation (enter its name)' }]}
            />
            <Show when={values.providerAgencyId === OTHER}>
              <TextField
                id="providerName"
                label="Name of the organisation"
                hint="For example, a kinship charity or local support group."
                error={err('providerName')}
                value={values.providerName}
                onInput={(v) => setValues('providerName', v)}
              />
            </Show>
            <TextArea
              id="contact"
              label="Contact"
              hint="A team, service phone number, email or web address (https://…). Not a named person's details. Needed before the item can be sent for review."
              error={err('contact')}
              value={values.contact}
              onInput={(v) => setValues('contact', v)}
              rows={2}
            />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" disabled={busy()}>
                {editing() ? 'Save changes' : 'Save as draft'}
              </button>
              <A href={editing() ? `/kinship/${params.id}` : '/kinship'} class="govuk-link">
                Cancel
              </A>
            </div>
          </form>
        </Page>
      </Match>
    </Switch>
  );
}
