import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';

/**
 * Builds its children a moment after the rest of the page: a long page (the tracker) is then put
 * together in several short tasks instead of one long one, so the browser can paint the first
 * screen and answer input in between. For content below the first screen only: what appears later
 * is added under what is already there, so nothing visible moves. `order` staggers several.
 */
export function Deferred(props: { order?: number; children: JSX.Element }) {
  const [ready, setReady] = createSignal(false);
  onMount(() => {
    const timer = setTimeout(() => setReady(true), props.order ?? 0);
    onCleanup(() => clearTimeout(timer));
  });
  return <Show when={ready()}>{props.children}</Show>;
}
