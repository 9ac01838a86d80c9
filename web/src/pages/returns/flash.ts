import type { OutcomeMessage } from '../../components/flash-banner.js';
import { createFlash } from '../../components/flash.js';

/*
 * A one-off message for the next page (e.g. "Section saved"), read once. `todo` is what a saved
 * section still needs: the task list then shows an important banner listing it instead of "Success".
 */

const [set, take] = createFlash<OutcomeMessage>();

export function setReturnsFlash(title: string, body: string, todo: string[] = []) {
  set({ title, body, todo });
}

export const takeReturnsFlash = take;
