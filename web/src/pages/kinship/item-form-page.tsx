import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, Match, Show, Switch, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { blank, checkItemForm, FIELDS, type FormValues, fromItem, stillNeeded } from '../../../../shared/kinship/item-form.js';
import type { WithEtag } from '../../api/client.js';
import { afterItemWrite, createItem, createItemResource, kinshipChanged, type StaffItem, updateItem } from '../../api/kinship.js';
import { fieldOfPath } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { Loading } from '../../components/loading.js';
import { ErrorPage, ProblemPage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { setKinshipFlash } from './flash.js';
import { ItemFields } from './item-form-fields.js';
import './kinship.css';
import { InsetText } from '../../components/inset-text.js';
import { FormPage } from '../../components/form.js';

const BACK = { href: '/kinship', text: 'Back to the register' };
const STALE = 'Someone else changed this item since you opened it. Reload the page to see their changes, then make yours again.';
/** A server error's path to the form field it belongs to, when the form has that field. */
const formField = (path: string) => {
  const f = fieldOfPath(path) as keyof FormValues;
  return FIELDS.includes(f) ? f : undefined;
};

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
  const form = createFormState();
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

  const forbidden = () => {
    if (me().role === 'executive') return 'Partnership executive members can read the register but not change it.';
    const current = loaded()?.data;
    if (current && me().role === 'partner' && current.ownerAgencyId !== me().agencyId)
      return `Only ${app.agencyName(current.ownerAgencyId)} and the programme lead can change this item.`;
    if (current?.status === 'retired') return 'This item is retired and cannot be changed.';
    return null;
  };

  const save = async (request: NonNullable<ReturnType<typeof checkItemForm>['request']>) => {
    const current = loaded();
    if (current) {
      const saved = await updateItem(current.data.id, request, current.etag);
      afterItemWrite(saved, mutate);
      const published = saved.data.revisionPending
        ? 'Your changes are saved and wait for the programme lead to publish them. Families still see the published version.'
        : 'Your changes are saved.';
      setKinshipFlash(`${published}${stillNeeded(values)}`);
      navigate(`/kinship/${saved.data.id}`);
    } else {
      const created = await createItem(request);
      void kinshipChanged();
      setKinshipFlash(`"${created.title}" is saved as a draft.${stillNeeded(values) || ' Send it for review when it is ready.'}`);
      navigate(`/kinship/${created.id}`);
    }
  };

  const submit = () => {
    const { request, errors } = checkItemForm(values);
    if (!request) return form.setErrors(errors.map((x) => ({ field: x.path, message: x.message })));
    void form.save(() => save(request), { field: formField, stale: STALE, fallback: 'The item could not be saved. Try again.' });
  };

  return (
    <Switch>
      <Match when={item.state === 'errored'}>
        <ErrorPage title="Sorry, there is a problem with the service" notFoundTitle="Item not found" error={item.error} fallback="The item could not be loaded." back={BACK} />
      </Match>
      <Match when={editing() && !loaded()}>
        <Loading label="Loading the item…" />
      </Match>
      <Match when={forbidden()}>
        {(why) => (
          <ProblemPage title="You cannot change this item" back={BACK}>
            <p class="govuk-body">{why()}</p>
          </ProblemPage>
        )}
      </Match>
      <Match when={true}>
        <FormPage
          title={editing() ? 'Edit a Kinship Local Offer item' : 'Add a Kinship Local Offer item'}
          caption={editing() ? loaded()?.data.title : app.agencyName(me().agencyId)}
          form={form}
          onSubmit={submit}
          submit={editing() ? 'Save changes' : 'Save as draft'}
          cancelHref={editing() ? `/kinship/${params.id}` : '/kinship'}
        >
          <Show when={editing() && loaded()?.data.status === 'published'}>
            <InsetText>
              This item is published. Your changes go to the programme lead for review; families keep seeing the published text until the lead publishes your changes.
            </InsetText>
          </Show>
          <p class="govuk-body">Write for kinship carers and children: short sentences, everyday words. Do not include anyone's name, date of birth, NHS number or address.</p>
          <ItemFields values={values} set={setValues} err={(f) => form.err(f)} agencies={app.agencies()} />
        </FormPage>
      </Match>
    </Switch>
  );
}
