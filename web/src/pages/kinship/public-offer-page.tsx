import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, CATEGORY_LABELS, STATUTORY_CATEGORIES, type PublicItem } from '../../../../shared/kinship/schema.js';
import { getPublicOffer, type PublicOffer } from '../../api/kinship.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { formatDate } from '../threshold/form-fields.js';
import { LinkedText } from '../threshold/markdown.js';
import { arrangementLabel, audienceText, MEANS_TESTED_LABELS } from './labels.js';
import './kinship.css';

const searchable = (i: PublicItem, label: string) =>
  [i.title, i.summary, i.eligibility, i.howToApply, i.howDecisionsAreMade ?? '', i.provider, i.contact, label, ...i.arrangementTypes.map(arrangementLabel)].join(' ').toLowerCase();

/** Every word typed must appear somewhere in the item, so "SGO allowance" narrows rather than widens. */
function matches(item: PublicItem, label: string, words: string[], arrangement: string) {
  if (arrangement && !item.arrangementTypes.includes(arrangement)) return false;
  const text = searchable(item, label);
  return words.every((w) => text.includes(w));
}

function focusSection(e: MouseEvent, id: string) {
  e.preventDefault();
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'start' });
  el?.focus({ preventScroll: true });
}

function OfferItem(props: { item: PublicItem }) {
  const i = () => props.item;
  const headingId = () => `item-${i().id}`;
  return (
    <article class="app-offer-item" aria-labelledby={headingId()}>
      <h3 class="govuk-heading-s app-offer-item__title" id={headingId()}>
        {i().title}
      </h3>
      <p class="govuk-body app-prewrap">{i().summary}</p>
      <dl class="govuk-summary-list app-offer-item__facts">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Who it is for</dt>
          <dd class="govuk-summary-list__value">
            {audienceText(i().audience)}, in {i().arrangementTypes.length === ARRANGEMENT_TYPES.length ? 'any kinship arrangement' : i().arrangementTypes.map((t) => arrangementLabel(t).replace(/^./, (c) => c.toLowerCase())).join(', ')}
          </dd>
        </div>
        <Show when={i().eligibility}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Who can get it</dt>
            <dd class="govuk-summary-list__value">{i().eligibility}</dd>
          </div>
        </Show>
        <Show when={i().howToApply}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">How to ask for it</dt>
            <dd class="govuk-summary-list__value">{i().howToApply}</dd>
          </div>
        </Show>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Means-tested</dt>
          <dd class="govuk-summary-list__value">{MEANS_TESTED_LABELS[i().meansTested] ?? i().meansTested}</dd>
        </div>
        <Show when={i().howDecisionsAreMade}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">How decisions are made</dt>
            <dd class="govuk-summary-list__value">{i().howDecisionsAreMade}</dd>
          </div>
        </Show>
        <Show when={i().provider}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Who provides it</dt>
            <dd class="govuk-summary-list__value">{i().provider}</dd>
          </div>
        </Show>
        <Show when={i().contact}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Contact</dt>
            <dd class="govuk-summary-list__value app-prewrap">
              <LinkedText text={i().contact} />
            </dd>
          </div>
        </Show>
      </dl>
    </article>
  );
}

function Offer(props: { offer: PublicOffer }) {
  const [query, setQuery] = createSignal('');
  const [arrangement, setArrangement] = createSignal('');
  const total = () => props.offer.groups.reduce((n, g) => n + g.items.length, 0);
  const filtered = createMemo(() => {
    const words = query().toLowerCase().split(/\s+/).filter(Boolean);
    return props.offer.groups.map((g) => ({ ...g, items: g.items.filter((i) => matches(i, g.label, words, arrangement())) })).filter((g) => g.items.length > 0);
  });
  const shown = () => filtered().reduce((n, g) => n + g.items.length, 0);
  const active = () => Boolean(query().trim() || arrangement());
  const clear = () => {
    setQuery('');
    setArrangement('');
  };
  const missingStatutory = () => STATUTORY_CATEGORIES.filter((c) => !props.offer.groups.some((g) => g.category === c));

  return (
    <>
      <p class="govuk-body app-offer__updated" data-testid="last-updated">
        <Show when={props.offer.lastUpdated} fallback="This offer has not been published yet.">
          Last updated: <time datetime={props.offer.lastUpdated!.slice(0, 10)}>{formatDate(props.offer.lastUpdated)}</time>
        </Show>
      </p>

      <Show when={total() > 0}>
        <nav class="app-offer__contents" aria-labelledby="contents-heading">
          <h2 class="govuk-heading-s" id="contents-heading">
            Contents
          </h2>
          <ol class="govuk-list govuk-list--number">
            <For each={props.offer.groups}>
              {(g) => (
                <li>
                  <a href={`#${g.category}`} class="govuk-link" onClick={(e) => focusSection(e, g.category)}>
                    {g.label}
                  </a>
                </li>
              )}
            </For>
          </ol>
        </nav>

        <div class="app-offer__tools">
          <form class="app-offer__filters" role="search" aria-label="Find support" onSubmit={(e) => e.preventDefault()}>
            <h2 class="govuk-heading-s">Find support</h2>
            <div class="govuk-form-group">
              <label class="govuk-label" for="offer-search">
                Search the offer
              </label>
              <div id="offer-search-hint" class="govuk-hint">
                For example, allowance, school or housing
              </div>
              <input class="govuk-input" id="offer-search" type="search" autocomplete="off" aria-describedby="offer-search-hint" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="offer-arrangement">
                Your kinship arrangement
              </label>
              <select class="govuk-select" id="offer-arrangement" onChange={(e) => setArrangement(e.currentTarget.value)}>
                <option value="" selected={arrangement() === ''}>
                  Any arrangement
                </option>
                <For each={ARRANGEMENT_TYPES}>
                  {(t) => (
                    <option value={t} selected={arrangement() === t}>
                      {ARRANGEMENT_LABELS[t]}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <Show when={active()}>
              <button type="button" class="govuk-button govuk-button--secondary app-offer__clear" onClick={clear}>
                Show all support
              </button>
            </Show>
          </form>
          <p class="govuk-body app-offer__count" role="status" aria-live="polite" aria-atomic="true" data-testid="results-count">
            {active() ? `${shown()} of ${total()} support ${total() === 1 ? 'item' : 'items'} match` : `${total()} support ${total() === 1 ? 'item' : 'items'}`}
          </p>
          <button type="button" class="govuk-button govuk-button--secondary app-offer__print" onClick={() => window.print()}>
            Print this offer as a leaflet
          </button>
        </div>
      </Show>

      <Show when={total() === 0}>
        <div class="govuk-inset-text">
          <p class="govuk-body">The offer is being prepared. Until it is published, ask the council's children's services or your social worker about support for kinship families.</p>
        </div>
      </Show>

      <Show when={total() > 0 && shown() === 0}>
        <div class="app-offer__none">
          <p class="govuk-body">No support matches your search.</p>
          <ul class="govuk-list govuk-list--bullet">
            <li>check the spelling or use fewer words</li>
            <li>choose "Any arrangement"</li>
          </ul>
        </div>
      </Show>

      <For each={filtered()}>
        {(g) => (
          <section class="app-offer-group" aria-labelledby={g.category}>
            <h2 class="govuk-heading-m app-offer-group__title" id={g.category} tabindex="-1">
              {g.label}
            </h2>
            <For each={g.items}>{(item) => <OfferItem item={item} />}</For>
          </section>
        )}
      </For>

      <Show when={total() > 0 && missingStatutory().length > 0 && !active()}>
        <p class="govuk-body">
          We are still adding information about {missingStatutory().map((c) => CATEGORY_LABELS[c].toLowerCase()).join(', ')}. Ask the council's children's services if you need help with something not listed here.
        </p>
      </Show>

      <p class="govuk-body app-offer__print-url">
        Read this offer online, always up to date, at <span class="app-offer__url">{`${location.origin}/kinship-offer`}</span>
      </p>
    </>
  );
}

/** /kinship-offer: the published Kinship Local Offer for kinship carers and children. No sign-in. */
export default function PublicKinshipOfferPage() {
  const [offer] = createResource(getPublicOffer);
  const partnership = () => offer()?.partnership;
  return (
    <div class="app-offer">
      <Page title="Kinship Local Offer" caption={partnership() || undefined}>
        <p class="govuk-body-l">Support for children who live with a relative or family friend, and for the people who care for them.</p>
        <div class="app-offer__intro">
          <h2 class="govuk-heading-m">What kinship care is</h2>
          <p class="govuk-body">
            Kinship care is when a child lives with a relative or a family friend because their parents cannot look after them. The person caring for them is a <strong>kinship carer</strong>. It might be a grandparent, an aunt or uncle, an older brother or sister, or a friend of the family.
          </p>
          <p class="govuk-body">Some kinship families have a court order, such as a special guardianship order or a child arrangements order. Some are kinship foster carers. Many have an informal family arrangement. The help a child gets should follow what they need, not the type of arrangement.</p>
          <h2 class="govuk-heading-m">Why we publish this offer</h2>
          <p class="govuk-body">
            The law (section 22H of the Children Act 1989) says the council must publish its <strong>Kinship Local Offer</strong>: how it supports kinship families, what financial help there is, and the support for health and wellbeing, relationships and family time, education and training, and housing. It must also keep the offer up to date. Support here comes from the council and its partners, including the NHS, schools and voluntary groups.
          </p>
        </div>
        <Switch>
          <Match when={offer.error}>
            <div class="govuk-inset-text">
              <p class="govuk-body">Sorry, the offer could not be loaded. Try again later.</p>
            </div>
          </Match>
          <Match when={offer()}>{(o) => <Offer offer={o()} />}</Match>
          <Match when={true}>
            <Loading label="Loading the Kinship Local Offer…" />
          </Match>
        </Switch>
      </Page>
    </div>
  );
}
