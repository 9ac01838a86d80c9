/**
 * An in-page link's click: scrolls to the element with `id` and moves focus to it (it needs
 * tabindex="-1"), so keyboard and screen reader users carry on from there. Used instead of the
 * browser's own jump, which the router would treat as a navigation.
 */
export function jumpTo(e: MouseEvent, id: string) {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}
