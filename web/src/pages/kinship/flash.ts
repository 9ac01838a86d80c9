import { createSignal } from 'solid-js';

/** A one-off success message carried from a form or action to the page shown next. */
const [flash, setFlash] = createSignal<string | null>(null);

export const setKinshipFlash = (message: string) => setFlash(message);

/** Reads the message once: a reload or a later visit does not show it again. */
export function takeKinshipFlash(): string | null {
  const m = flash();
  setFlash(null);
  return m;
}
