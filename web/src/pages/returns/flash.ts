import { createSignal } from 'solid-js';

/*
 * A one-off message for the next page (e.g. "Section saved"), read once. `todo` is what a saved
 * section still needs: the task list then shows an important banner listing it instead of "Success".
 */

export interface ReturnsFlash {
  title: string;
  body: string;
  todo: string[];
}

const [flash, setFlash] = createSignal<ReturnsFlash | null>(null);

export function setReturnsFlash(title: string, body: string, todo: string[] = []) {
  setFlash({ title, body, todo });
}

export function takeReturnsFlash(): ReturnsFlash | null {
  const f = flash();
  setFlash(null);
  return f;
}
