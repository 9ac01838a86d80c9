import { mergeProps } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';

/*
 * A form whose answers are a store: each field's id, value, error and change handler for the kit's
 * fields (`text`: typed, `choice`: chosen or a date, `choices`: checkboxes), bound by its name.
 * They are getters, so the field follows the store and the errors as they change.
 */

/** The names of the form's text answers. */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
/** The names of the form's answers that are lists of choices. */
export type ChoicesKey<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

export function storeFields<V extends object>(form: { values: V; set: SetStoreFunction<V>; err: (field: keyof V) => string | undefined }) {
  const set = form.set as (field: keyof V, value: unknown) => void;
  /** A field's id, its error and its answer as they are now. */
  const answer = <T>(id: keyof V & string) => ({
    id,
    get error() {
      return form.err(id);
    },
    get value() {
      return form.values[id] as T;
    },
  });
  return {
    /** A TextField's or TextArea's id, error, value and input. */
    text: (id: TextKey<V>) => mergeProps(answer<string>(id), { onInput: (v: string) => set(id, v) }),
    /** One answer changed as a whole (a Select, Radios or DateInput): its id, value, error and change. */
    choice: (id: TextKey<V>) => mergeProps(answer<string>(id), { onChange: (v: string) => set(id, v) }),
    /** A checkbox group's id, choices, error and change. */
    choices: (id: ChoicesKey<V>) => {
      const a = answer<string[]>(id);
      return {
        id,
        type: 'checkbox' as const,
        get error() {
          return a.error;
        },
        get selected() {
          return a.value;
        },
        onChange: (v: string[]) => set(id, v),
      };
    },
  };
}
