import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';

/*
 * The kit's links that stand on their own: a paragraph that is one link (`LinkLine`), a link that
 * looks like a button (`ButtonLink`) and a list of links (`LinkList`); `RouteLink` is a link to a
 * route or to a handler on the same page.
 */

/**
 * A link to a route, or, with `onClick`, to a handler on this page (a step of the same page, an
 * answer of a form kept in memory), whose `href` is where it goes without the handler.
 */
export function RouteLink(props: { href: string; onClick?: (() => void) | undefined; class: string; children: JSX.Element }) {
  return (
    <Show
      when={props.onClick}
      fallback={
        <A class={props.class} href={props.href}>
          {props.children}
        </A>
      }
    >
      {(run) => (
        <A
          class={props.class}
          href={props.href}
          onClick={(e) => {
            e.preventDefault();
            run()();
          }}
        >
          {props.children}
        </A>
      )}
    </Show>
  );
}

/**
 * A link out of these pages into another part of the portal that runs on its own (another
 * partnership's pages, or platform administration's): a whole page load, so the pages there start
 * afresh with their own address and data. The router leaves a link with a target alone.
 */
export function PageLoadLink(props: { href: string; class?: string; children: JSX.Element }) {
  return (
    <a class={props.class ?? 'govuk-link'} href={props.href} target="_self">
      {props.children}
    </a>
  );
}

/** A paragraph that is one link: the way back, or on to a related page ("Back to the register"). */
export function LinkLine(props: { href: string; children: JSX.Element }) {
  return (
    <p class="govuk-body">
      <A href={props.href} class="govuk-link">
        {props.children}
      </A>
    </p>
  );
}

/**
 * The GOV.UK link styled as a button, for a call to action that opens another page ("Invite
 * someone"): role="button" so it is announced as one, not draggable. `secondary` is the grey button.
 */
export function ButtonLink(props: { href: string; secondary?: boolean; class?: string; children: JSX.Element }) {
  return (
    <A href={props.href} class={`govuk-button${props.secondary ? ' govuk-button--secondary' : ''}${props.class ? ` ${props.class}` : ''}`} role="button" draggable="false">
      {props.children}
    </A>
  );
}

/** One entry of a LinkList: the link, and words after it (" – closed, read only"). */
export interface ListLink {
  href: string;
  text: JSX.Element;
  after?: JSX.Element;
}

/** A GOV.UK list of links (`bullet` for a bulleted one), one an item, each with any words after it. */
export function LinkList(props: { links: ListLink[]; bullet?: boolean; spaced?: boolean; testId?: string }) {
  return (
    <ul class="govuk-list" classList={{ 'govuk-list--bullet': !!props.bullet, 'govuk-list--spaced': !!props.spaced }} data-testid={props.testId}>
      <For each={props.links}>
        {(link) => (
          <li>
            <A class="govuk-link" href={link.href}>
              {link.text}
            </A>
            <Show when={link.after}>{link.after}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}
