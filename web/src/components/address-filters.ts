import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';

/** A search parameter's value, the first when it is given twice, or ''. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A value from the address, or '' when it is not one of the allowed ones (an old or mistyped link shows everything). */
export const allowedParam = <T extends string>(v: string | string[] | undefined, allowed: readonly T[]): T | '' => {
  const s = firstParam(v);
  return (allowed as readonly string[]).includes(s) ? (s as T) : '';
};

type Choices<C extends Record<string, readonly string[]>> = { [K in keyof C]: C[K][number] | '' };

/**
 * Filters that apply as they change and live in the address, so a shared or bookmarked link opens
 * the same view and Back and Forward step through the choices: a search box (its parameter is
 * `text`) and `choices`, parameters that each take one of a list of values. The search box keeps
 * its own copy of the text, so typing never waits for the router; its first keystroke adds a
 * history entry and the next ones replace it, until the box loses focus (`stopTyping`).
 */
export function useAddressFilters<C extends Record<string, readonly string[]>>(text: string, choices: C) {
  const [params, setParams] = useSearchParams<Record<string, string>>();
  const keys = Object.keys(choices) as (keyof C & string)[];
  const [typed, setTyped] = createSignal(firstParam(params[text]));
  let written = firstParam(params[text]);
  let typing = false;
  // Back, Forward or a link changed the address: show its search text.
  createEffect(
    on(
      () => firstParam(params[text]),
      (q) => {
        if (q === written) return;
        written = q;
        setTyped(q);
      },
      { defer: true },
    ),
  );
  const chosen = () => Object.fromEntries(keys.map((k) => [k, allowedParam(params[k], choices[k]!)])) as Choices<C>;
  return {
    text: typed,
    choices: chosen,
    active: () => Boolean(typed().trim() || keys.some((k) => chosen()[k])),
    type(q: string) {
      setTyped(q);
      written = q;
      setParams({ [text]: q || undefined }, { replace: typing });
      typing = true;
    },
    stopTyping() {
      typing = false;
    },
    choose(key: keyof C & string, value: string) {
      typing = false;
      setParams({ [key]: value || undefined });
    },
    clear() {
      typing = false;
      setTyped('');
      written = '';
      setParams(Object.fromEntries([text, ...keys].map((k) => [k, undefined])));
    },
  };
}

/** What a filter in the address may hold: any text (null), or one of a list of values (read when needed). */
export type FilterValues = null | readonly string[] | (() => readonly string[]);

/**
 * A filter form whose applied values live in the address (a shared or bookmarked link opens the
 * same list; Back and Forward step through searches), while the form edits a draft: `set` changes
 * the draft, `apply` puts it in the address (trimmed; empty ones left out, and the `reset`
 * parameters, such as a page cursor), `clear` empties both. Each filter takes any text (null) or
 * one of its values; anything else in the address counts as not applied. When the address changes
 * (Back, Forward, a link), the form shows what it says.
 */
export function useFilterForm<K extends string>(filters: Record<K, FilterValues>, reset: readonly string[] = []) {
  const [params, setParams] = useSearchParams<Record<string, string>>();
  const keys = Object.keys(filters) as K[];
  const read = (key: K) => {
    const allowed = filters[key];
    return allowed === null ? firstParam(params[key]) : allowedParam(params[key], typeof allowed === 'function' ? allowed() : allowed);
  };
  const applied = () => Object.fromEntries(keys.map((k) => [k, read(k)])) as Record<K, string>;
  const [draft, setDraft] = createSignal<Record<K, string>>(applied());
  createEffect(
    on(
      () => JSON.stringify(applied()),
      () => {
        setDraft(() => applied());
      },
      { defer: true },
    ),
  );
  const write = (values: Partial<Record<K, string>>) =>
    setParams({ ...Object.fromEntries(keys.map((k) => [k, values[k]?.trim() || undefined])), ...Object.fromEntries(reset.map((r) => [r, undefined])) });
  return {
    applied,
    draft,
    /** Changes one filter of the draft (a field's onInput or onChange). */
    set: (key: K) => (value: string) => setDraft((d) => ({ ...d, [key]: value })),
    /** Some filter is applied. */
    filtered: () => keys.some((k) => read(k) !== ''),
    apply: () => write(draft()),
    clear: () => {
      setDraft(() => Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>);
      write({});
    },
  };
}
