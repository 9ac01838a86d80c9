import { Show, type JSX } from 'solid-js';
import type { Warning } from '../../../../shared/pii/detect.js';
import { ErrorMessage, Hint } from '../../components/fields.js';
import { fieldId } from './format.js';
import { PiiWarning } from './tags.js';

/*
 * A text field of the section form with the personal-data warning beside it (checked as you
 * type). The kit's TextField and TextArea have no place for a warning yet, so this one stays here
 * until they do. Fields are named by their path in the section (`risks[0].title`); the id follows.
 */

/** The form's errors and warnings by path, and the aria-describedby a field needs for them. */
export interface FormFields {
  err(path: string): string | undefined;
  warn(path: string): Warning[];
  describedBy(path: string, ...more: (string | false | undefined)[]): string | undefined;
}

export function formFields(errors: () => { path: string; message: string }[], warnings: () => Warning[]): FormFields {
  const err = (path: string) => errors().find((e) => e.path === path)?.message;
  const warn = (path: string) => warnings().filter((w) => w.path === path);
  return {
    err,
    warn,
    describedBy(path, ...more) {
      const id = fieldId(path);
      const parts = [...more, err(path) && `${id}-error`, warn(path).length > 0 && `${id}-warning`].filter(Boolean);
      return parts.length ? parts.join(' ') : undefined;
    },
  };
}

export function TextField(props: {
  f: FormFields;
  path: string;
  label: string;
  hint?: string;
  value: string;
  onInput(v: string): void;
  textarea?: boolean;
  rows?: number;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputmode'];
  width?: string;
}) {
  const id = () => fieldId(props.path);
  const error = () => props.f.err(props.path);
  const describedBy = () => props.f.describedBy(props.path, props.hint && `${id()}-hint`);
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!error() }}>
      <label class="govuk-label" for={id()}>
        {props.label}
      </label>
      <Hint id={id()} hint={props.hint} />
      <ErrorMessage id={id()} error={error()} />
      <Show
        when={props.textarea}
        fallback={
          <input
            class={`govuk-input ${props.width ?? ''}`}
            classList={{ 'govuk-input--error': !!error() }}
            id={id()}
            type="text"
            inputmode={props.inputmode}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
            aria-describedby={describedBy()}
          />
        }
      >
        <textarea
          class="govuk-textarea"
          classList={{ 'govuk-textarea--error': !!error() }}
          id={id()}
          rows={props.rows ?? 3}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          aria-describedby={describedBy()}
        />
      </Show>
      <PiiWarning warnings={props.f.warn(props.path)} id={`${id()}-warning`} />
    </div>
  );
}
