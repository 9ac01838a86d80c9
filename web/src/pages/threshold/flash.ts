import { createSignal } from 'solid-js';

/** A one-off success message carried from a form to the page it returns to. */
const [flash, setFlash] = createSignal<string | null>(null);

export const setThresholdFlash = (message: string) => setFlash(message);

/** Reads the message once: a reload or a later visit does not show it again. */
export function takeThresholdFlash(): string | null {
  const m = flash();
  setFlash(null);
  return m;
}
