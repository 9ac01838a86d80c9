import { useParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { ITEM_ACTION_DONE } from '../../../../shared/kinship/labels.js';
import { afterItemWrite, createItemResource, type ItemAction, transitionItem } from '../../api/kinship.js';
import { Loaded } from '../../components/loaded.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { createFormState } from '../../components/form-state.js';
import { Page } from '../../components/page.js';
import { WarningText } from '../../components/warning-text.js';
import { useApp } from '../../state.js';
import { takeKinshipFlash } from './flash.js';
import { ItemStateList } from './item-state.js';
import { BackToRegister, ItemContentList } from './labels.js';
import { MissingForReview } from './ready-check.js';
import { ReturnToAgencyForm } from './return-form.js';
import { ReturnedBanner, ReviewCommentHistory } from './review-comments.js';
import { Section } from '../../components/section.js';
import './kinship.css';
import { ButtonLink } from '../../components/link-line.js';
import { ConfirmForm } from '../../components/form.js';

const STALE = 'Someone else changed this item since you opened it. Reload the page to see their changes, then try again.';

/** /kinship/:id: one item, its publication state and what the signed-in person may do with it. */
export default function KinshipItemPage() {
  const app = useApp();
  const params = useParams<{ id: string }>();
  const [data, { mutate }] = createItemResource(() => params.id);
  const [flash, showDone] = createFlashMessage(takeKinshipFlash);
  const form = createFormState();
  const [confirmRetire, setConfirmRetire] = createSignal(false);
  const [returning, setReturning] = createSignal(false);
  const me = () => app.me()!;
  const item = () => data()?.data;
  const provider = (i: { providerName: string | null; providerAgencyId: string | null }) => i.providerName ?? app.agencyName(i.providerAgencyId) ?? 'Not given';
  const isOwner = () => me().role === 'partner' && item()?.ownerAgencyId === me().agencyId;
  const canEdit = () => item()?.status !== 'retired' && (me().role === 'lead' || isOwner());
  const agency = () => app.agencyName(item()?.ownerAgencyId) ?? 'the agency';

  const act = (action: ItemAction) => {
    const current = data();
    if (!current) return;
    showDone(null);
    return form.save(
      async () => {
        const next = await transitionItem(current.data.id, action, current.etag);
        afterItemWrite(next, mutate);
        setConfirmRetire(false);
        showDone(ITEM_ACTION_DONE[action](next.data));
      },
      // Not ready: each missing field, linked to where it is entered.
      { href: (path) => `/kinship/${current.data.id}/edit#${path}`, stale: STALE, fallback: 'That did not work. Try again.' },
    );
  };

  return (
    <Loaded
      data={data}
      pick={(d) => d.data}
      loading="Loading the item…"
      failed={{ notFoundTitle: 'Item not found', fallback: 'The item could not be loaded.', back: { href: '/kinship', text: 'Back to the register' } }}
    >
      {(i) => (
        <Page title={i().title} caption="Kinship Local Offer item" flash={flash()} errors={form.errors()}>
          <ReturnedBanner item={i()} agencyName={agency()} viewer={isOwner() ? 'owner' : me().role === 'lead' ? 'lead' : 'other'} />
          <ItemStateList item={i()} />

          <Show when={(i().warnings ?? []).length}>
            <WarningText lines={[`Check this item for personal details: ${(i().warnings ?? []).map((w) => w.message).join(' ')}`]} />
          </Show>

          <Section headingId="actions-heading" title="What you can do" class="app-actions">
            <Switch>
              <Match when={me().role === 'executive'}>
                <p class="govuk-body">Partnership executive members can read the register but not change it.</p>
              </Match>
              <Match when={i().status === 'retired'}>
                <p class="govuk-body">This item is retired. To offer this support again, add a new item.</p>
              </Match>
              <Match when={!canEdit()}>
                <p class="govuk-body">Only {app.agencyName(i().ownerAgencyId)} and the programme lead can change this item.</p>
              </Match>
              <Match when={confirmRetire()}>
                <ConfirmForm
                  title={`Retire "${i().title}"?`}
                  busy={form.busy()}
                  onSubmit={() => void act('retire')}
                  submit="Yes, retire this item"
                  warning
                  onCancel={() => setConfirmRetire(false)}
                >
                  <p class="govuk-body">It will leave the public Kinship Local Offer at once. Its history is kept.</p>
                </ConfirmForm>
              </Match>
              <Match when={returning()}>
                <ReturnToAgencyForm
                  item={data()!}
                  agencyName={agency()}
                  onCancel={() => setReturning(false)}
                  onReturned={(next) => {
                    afterItemWrite(next, mutate);
                    setReturning(false);
                    showDone(`"${next.data.title}" has been returned to ${agency()} with your comments.`);
                  }}
                />
              </Match>
              <Match when={true}>
                <Show when={i().status === 'draft' && me().role === 'partner'}>
                  <p class="govuk-body">When the item is ready, send it to the programme lead, who publishes it.</p>
                </Show>
                <Show when={i().status === 'in-review' && me().role === 'partner'}>
                  <p class="govuk-body">This item is waiting for the programme lead to publish it. You can still edit it.</p>
                </Show>
                <Show when={i().status !== 'published'}>
                  <MissingForReview item={i()} action={me().role === 'lead' ? 'published' : 'sent for review'} />
                </Show>
                <div class="govuk-button-group">
                  <Show when={me().role === 'lead' && i().status !== 'published'}>
                    <button type="button" class="govuk-button" disabled={form.busy()} onClick={() => act('publish')}>
                      {i().revisionPending ? 'Publish the changes' : 'Publish'}
                    </button>
                  </Show>
                  <Show when={me().role === 'lead' && i().status === 'in-review'}>
                    <button type="button" class="govuk-button govuk-button--secondary" disabled={form.busy()} onClick={() => setReturning(true)}>
                      Return to the agency
                    </button>
                  </Show>
                  <Show when={(i().status === 'draft' || i().status === 'returned') && me().role === 'partner'}>
                    <button type="button" class="govuk-button" disabled={form.busy()} onClick={() => act('submit')}>
                      Send for review
                    </button>
                  </Show>
                  <ButtonLink href={`/kinship/${i().id}/edit`} secondary>
                    Edit
                  </ButtonLink>
                  <Show when={me().role === 'lead'}>
                    <button type="button" class="govuk-button govuk-button--warning" disabled={form.busy()} onClick={() => setConfirmRetire(true)}>
                      Retire
                    </button>
                  </Show>
                </div>
                <Show when={i().status === 'published'}>
                  <p class="govuk-body">
                    {me().role === 'lead'
                      ? 'Editing a published item saves your changes for review; families see the published text until you publish the changes.'
                      : 'Editing a published item sends your changes to the programme lead to review; families see the published text until then.'}
                  </p>
                </Show>
              </Match>
            </Switch>
          </Section>

          <Switch>
            <Match when={i().revisionPending && i().published}>
              {(published) => (
                <>
                  <h2 class="govuk-heading-m">Changes waiting for review</h2>
                  <ItemContentList content={i()} provider={provider(i())} id="pending-content" />
                  <h2 class="govuk-heading-m">Published version (families see this now)</h2>
                  <ItemContentList content={published()} provider={provider(published())} id="published-content" />
                </>
              )}
            </Match>
            <Match when={true}>
              <h2 class="govuk-heading-m">{i().status === 'published' ? 'What families read' : 'What families will read'}</h2>
              <ItemContentList content={i()} provider={provider(i())} id="item-content" />
            </Match>
          </Switch>
          <ReviewCommentHistory item={i()} />
          <BackToRegister />
        </Page>
      )}
    </Loaded>
  );
}
