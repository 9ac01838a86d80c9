import { useLocation } from '@solidjs/router';
import { onMount } from 'solid-js';

/** Scrolls to the element with `id` and moves focus to it (it needs tabindex="-1"). */
export function goTo(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}

/**
 * An in-page link's click: scrolls to the element with `id` and moves focus to it (it needs
 * tabindex="-1"), so keyboard and screen reader users carry on from there. Used instead of the
 * browser's own jump, which the router would treat as a navigation.
 */
export function jumpTo(e: MouseEvent, id: string) {
  e.preventDefault();
  goTo(id);
}

/**
 * A page opened at a #hash naming one of its own parts (`known(id)`) goes to it once it is on the
 * page, after the page has focused its heading. Call it where those parts are drawn.
 */
export function useJumpToHash(known: (id: string) => boolean) {
  const location = useLocation();
  onMount(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (known(id)) queueMicrotask(() => goTo(id));
  });
}
