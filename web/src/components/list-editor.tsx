import { Index, Show, type JSX } from 'solid-js';
import type { FormFields } from './field-paths.js';
import { ErrorMessage, TextField } from './fields.js';

/*
 * The kit's repeatable list editor ("add another"), for risks, milestones, measures, escalations
 * and links (`ListSection`: one bound to a form's list at a path): each item is a fieldset whose legend numbers it ("Risk 2"), holding the fields the
 * page gives and a Remove button whose hidden words say which item. The Add button carries the
 * list's id, so an error about the list as a whole links to it. A `heading` and a `hint` (read
 * with the Add button, id `${id}-hint`) can come with it.
 *
 * Focus: after Add, the new item's first field (`firstFieldId`); after Remove, the item before
 * (or after) the removed one, or the Add button when the list is empty. Screen reader users hear
 * where they are rather than being left on a button that no longer exists.
 */

export function ListEditor<T>(props: {
  /** the list's id: the Add button's, and the start of each item's (`${id}-${index}`) */
  id: string;
  /** one item, in words: "risk" */
  noun: string;
  /** "a" or "an", for "Add a risk" */
  article?: 'a' | 'an';
  items: readonly T[];
  /** the list's heading, as an h2 (`headingClass`: govuk-heading-m unless told) */
  heading?: string;
  headingClass?: string;
  /** the list's hint, shown under the heading (`hintClass`: govuk-hint unless told) */
  hint?: JSX.Element;
  hintClass?: string;
  /** a hint already on the page: read with the Add button */
  hintId?: string;
  /** an error about the list as a whole, e.g. "Add at least one risk" */
  error?: string | undefined;
  /** how many items it may hold; the Add button goes when it is full */
  max?: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** the id of an item's first field, to move focus to */
  firstFieldId: (index: number) => string;
  /** the fields of one item; `base` is the item's id for its fields' ids */
  children: (item: () => T, index: number, base: string) => JSX.Element;
}) {
  const Noun = () => props.noun.charAt(0).toUpperCase() + props.noun.slice(1);
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const add = () => {
    const index = props.items.length;
    props.onAdd();
    focusLater(props.firstFieldId(index));
  };
  const remove = (index: number) => {
    props.onRemove(index);
    const left = props.items.length;
    focusLater(left === 0 ? props.id : props.firstFieldId(Math.min(Math.max(0, index - 1), left - 1)));
  };
  const hintId = () => props.hintId ?? (props.hint ? `${props.id}-hint` : undefined);
  const describedBy = () => [hintId(), props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <Show when={props.heading}>
        <h2 class={props.headingClass ?? 'govuk-heading-m'}>{props.heading}</h2>
      </Show>
      <Show when={props.hint}>
        <p class={props.hintClass ?? 'govuk-hint'} id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <div class="app-list-editor" classList={{ 'govuk-form-group--error': !!props.error }}>
        <Index each={props.items}>
          {(item, k) => {
            const base = `${props.id}-${k}`;
            return (
              <fieldset class="govuk-fieldset app-repeat" id={base}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {Noun()} {k + 1}
                </legend>
                {props.children(item, k, base)}
                <button type="button" class="govuk-button govuk-button--secondary app-button--tight" onClick={() => remove(k)}>
                  Remove
                  <span class="govuk-visually-hidden">
                    {' '}
                    {props.noun} {k + 1}
                  </span>
                </button>
              </fieldset>
            );
          }}
        </Index>
        <ErrorMessage id={props.id} error={props.error} />
        <Show when={props.max === undefined || props.items.length < props.max}>
          <button type="button" class="govuk-button govuk-button--secondary" id={props.id} aria-describedby={describedBy()} onClick={add}>
            {props.items.length ? `Add another ${props.noun}` : `Add ${props.article ?? 'a'} ${props.noun}`}
          </button>
        </Show>
      </div>
    </>
  );
}

/** A form's list at a path (`risks`), as its ListSection edits it: the items and what changes them. */
export interface ListProps<T> {
  f: FormFields;
  items: T[];
  onAdd(): void;
  onRemove(index: number): void;
  onChange(index: number, field: keyof T, value: string): void;
}

/**
 * A ListEditor for a form's list at a path: a heading, a hint as body text, and the new item's
 * field `first` taking focus after Add (ids follow the path: `risks-2-title`).
 */
export function ListSection<T>(props: {
  /** the list's path in what the form edits, and its id */
  id: string;
  title: string;
  hint: string;
  noun: string;
  article?: 'a' | 'an';
  /** the item field that takes focus after Add */
  first: string;
  list: ListProps<T>;
  error?: string | undefined;
  children: (item: () => T, index: number, base: string) => JSX.Element;
}) {
  return (
    <ListEditor
      id={props.id}
      noun={props.noun}
      article={props.article}
      items={props.list.items}
      heading={props.title}
      hint={props.hint}
      hintClass="govuk-body"
      error={props.error}
      onAdd={() => props.list.onAdd()}
      onRemove={(k) => props.list.onRemove(k)}
      firstFieldId={(k) => `${props.id}-${k}-${props.first}`}
    >
      {props.children}
    </ListEditor>
  );
}

/**
 * A list of web addresses, each in its own box (`${noun}-0`, `${noun}-1`...), so an error points
 * at the one to fix; the heading is a small label.
 */
export function WebAddressList(props: {
  /** the list's id (the Add button's) */
  id: string;
  /** one item, in words, and the start of each box's id: "link" */
  noun: string;
  heading: string;
  hint: string;
  max: number;
  links: string[];
  onChange: (links: string[]) => void;
  error: (index: number) => string | undefined;
}) {
  return (
    <div class="govuk-form-group">
      <ListEditor
        id={props.id}
        noun={props.noun}
        items={props.links}
        heading={props.heading}
        headingClass="govuk-label govuk-label--s"
        hint={props.hint}
        max={props.max}
        onAdd={() => props.onChange([...props.links, ''])}
        onRemove={(i) => props.onChange(props.links.filter((_, j) => j !== i))}
        firstFieldId={(i) => `${props.noun}-${i}`}
      >
        {(link, i) => (
          <TextField
            id={`${props.noun}-${i}`}
            label="Web address"
            error={props.error(i)}
            type="url"
            inputmode="url"
            spellcheck={false}
            autocomplete="url"
            value={link()}
            onInput={(v) => props.onChange(props.links.map((x, j) => (j === i ? v : x)))}
          />
        )}
      </ListEditor>
    </div>
  );
}
