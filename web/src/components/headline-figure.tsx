import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { HeadlineWorkstream } from '../../../shared/tracker/headline.js';
import { jumpTo } from './jump-to.js';
import { ConfidenceTag, ProvisionalMark } from './tag.js';
import './headline-figure.css';

/*
 * A strip of headline figures (the tracker's "At a glance"): each figure under a short heading, in
 * words, linking to the detail behind it. A grid on a wide screen; stacked on a phone. The figure's
 * link carries the heading too (hidden), so a list of links still says what each one is.
 */

/** Links to the detail behind a figure: another page (through the router) or a part of this page (`#id`, which gets focus). */
export function FigureLink(props: { href: string; class?: string; children: JSX.Element }) {
  return (
    <Show
      when={props.href.startsWith('#')}
      fallback={
        <A class={props.class ?? 'govuk-link'} href={props.href}>
          {props.children}
        </A>
      }
    >
      <a class={props.class ?? 'govuk-link'} href={props.href} onClick={(e) => jumpTo(e, props.href.slice(1))}>
        {props.children}
      </a>
    </Show>
  );
}

/** A grid of figures: `columns` across on a wide screen (a list, so its length is announced). */
export function HeadlineFigures(props: { columns: 3 | 4 | 5; label: string; children: JSX.Element }) {
  return (
    <ul class={`app-headline-figures app-headline-figures--${props.columns}`} aria-label={props.label}>
      {props.children}
    </ul>
  );
}

/** One figure: its heading, the figure as a link to its detail, and a line or two about it. */
export function HeadlineFigure(props: { title: string; href: string; figure: JSX.Element; testId?: string; wide?: boolean; children?: JSX.Element }) {
  return (
    <li class="app-headline-figure" classList={{ 'app-headline-figure--wide': Boolean(props.wide) }} data-testid={props.testId}>
      <h3 class="app-headline-figure__title">{props.title}</h3>
      <p class="app-headline-figure__value">
        <FigureLink href={props.href} class="govuk-link app-headline-figure__link">
          {props.figure}
          <span class="govuk-visually-hidden">: {props.title}</span>
        </FigureLink>
      </p>
      <Show when={props.children}>
        <div class="app-headline-figure__note">{props.children}</div>
      </Show>
    </li>
  );
}

/** "2 of 4 agencies' returns accepted": how much of a workstream's rating rests on accepted returns. */
export const acceptedText = (accepted: number, contributing: number) => `${accepted} of ${contributing} ${contributing === 1 ? "agency's return" : "agencies' returns"} accepted`;

/**
 * Each workstream's overall delivery confidence, a row each (they line up as columns on a wide
 * screen): its name, the rating (dashed and said "Provisional" while the returns may still change
 * it) linking to its detail, and how many of its agencies' returns are accepted.
 */
export function ConfidenceRows(props: { workstreams: readonly HeadlineWorkstream[]; href: (w: HeadlineWorkstream) => string; label: string }) {
  return (
    <ul class="app-headline-ratings" aria-label={props.label}>
      <For each={props.workstreams}>
        {(w) => (
          <li class="app-headline-rating" data-testid={`headline-ws-${w.id}`} data-provisional={String(w.provisional)}>
            <span class="app-headline-rating__name">{w.name}</span>
            <span class="app-headline-rating__value">
              <FigureLink href={props.href(w)} class="govuk-link app-headline-figure__link">
                <ConfidenceTag confidence={w.confidence} provisional={w.provisional} />
                <ProvisionalMark when={w.provisional} />
                <span class="govuk-visually-hidden">: {w.name}, overall</span>
              </FigureLink>
            </span>
            <span class="app-headline-rating__note">
              {w.source === 'lead' ? 'Set by the programme lead. ' : ''}
              {acceptedText(w.accepted, w.contributing)}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
