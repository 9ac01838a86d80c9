import { createSignal } from 'solid-js';

/**
 * A one-off message carried to the page shown next (e.g. "Your changes are saved"): `set` before
 * navigating, `take` on the next page. Reading it clears it, so a reload or a later visit does not
 * show it again. Each feature makes its own, so one feature's message never shows on another's page.
 */
export function createFlash<T = string>(): [set: (message: T) => void, take: () => T | null] {
  const [flash, setFlash] = createSignal<T | null>(null);
  const take = () => {
    const message = flash();
    setFlash(null);
    return message;
  };
  return [(message) => setFlash(() => message), take];
}
