import type { SetStoreFunction } from 'solid-js/store';

/*
 * A form whose answers are a store: each field's id, value, error and change handler for the kit's
 * fields, bound by the field's name. They are getters, so the field follows the store and the
 * errors as they change.
 */

/** The names of the form's text answers. */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
/** The names of the form's answers that are lists of choices. */
export type ChoicesKey<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

export function storeFields<V extends object>(form: { values: V; set: SetStoreFunction<V>; err: (field: keyof V) => string | undefined }) {
  const set = form.set as (field: keyof V, value: unknown) => void;
  return {
    /** A TextField's or TextArea's id, error, value and input. */
    text: (id: TextKey<V>) => ({
      id,
      get error() {
        return form.err(id);
      },
      get value() {
        return form.values[id] as string;
      },
      onInput: (v: string) => set(id, v),
    }),
    /** A checkbox group's id, choices, error and change. */
    choices: (id: ChoicesKey<V>) => ({
      id,
      type: 'checkbox' as const,
      get error() {
        return form.err(id);
      },
      get selected() {
        return form.values[id] as string[];
      },
      onChange: (s: string[]) => set(id, s),
    }),
  };
}
