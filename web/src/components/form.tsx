import { type JSX, onMount, Show, splitProps } from 'solid-js';
import { SubmitOrCancel } from './button-group.js';
import type { SummaryError } from './error-summary.js';
import { FormErrors } from './form-state.js';
import { Page, type PageBackLink } from './page.js';

/*
 * The kit's GOV.UK forms, for every form that saves: `Form` is the form itself, `FormPage` a page
 * that is one form. The browser does not validate them (`novalidate`: the page checks what was
 * typed and says what is wrong in the error summary, as GOV.UK does); pressing Enter or the button
 * runs `onSubmit`, never the browser's own navigation.
 */

/** What a form shows of its state (the kit's createFormState): the errors on show and whether it is saving. */
export interface FormStatus {
  errors: () => SummaryError[];
  busy: () => boolean;
}

/** What a kit form takes: what submitting does, its button and Cancel, and its state. */
export interface FormProps {
  /** runs on Enter or the button (not while the form's save is running) */
  onSubmit: () => void;
  /** the submit button's words; without them the form's buttons are among its children */
  submit?: string;
  /** the form's state: its error summary at the top of the form, its button disabled while saving */
  form?: FormStatus;
  /** the button is disabled (when there is no `form`) */
  busy?: boolean;
  /** a warning button, for a change that cannot be undone */
  warning?: boolean;
  /** Cancel as a link to this page (`cancelText`: its words when they are not "Cancel") */
  cancelHref?: string;
  cancelText?: string;
  /** Cancel as a button that closes a form shown in place */
  onCancel?: () => void;
  class?: string;
  /** the id of the heading that names the form */
  labelledBy?: string;
  children?: JSX.Element;
}

/**
 * A GOV.UK form: its error summary first (with `form`), the fields, then the submit button and
 * Cancel in a button group.
 */
export function Form(props: FormProps) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    // A second press while it saves does nothing.
    if (!props.form?.busy()) props.onSubmit();
  };
  return (
    <form class={props.class} onSubmit={submit} novalidate aria-labelledby={props.labelledBy}>
      <Show when={props.form}>{(f) => <FormErrors errors={f().errors()} />}</Show>
      {props.children}
      <Show when={props.submit}>
        {(label) => (
          <SubmitOrCancel
            label={label()}
            disabled={props.form?.busy() ?? props.busy}
            warning={props.warning}
            cancelHref={props.cancelHref}
            cancelText={props.cancelText}
            onCancel={props.onCancel}
          />
        )}
      </Show>
    </form>
  );
}

/**
 * A page that is one form: its heading (the title marked "Error: " while there are errors), the
 * success banner of what was just done (`flash`), then the form, whose error summary comes first;
 * what to know before the fields can open the children.
 */
export function FormPage(
  props: FormProps & { form: FormStatus; title: string; heading?: string; caption?: string | undefined; backLink?: PageBackLink; flash?: string | null | undefined },
) {
  const [page, form] = splitProps(props, ['title', 'heading', 'caption', 'backLink', 'flash']);
  return (
    <Page title={page.title} heading={page.heading} caption={page.caption} backLink={page.backLink} flash={page.flash} hasErrors={form.form.errors().length > 0}>
      <Form {...form} />
    </Page>
  );
}

let confirmCount = 0;

/**
 * A confirmation shown in place of the buttons that opened it ("Retire this item?", "Confirm your
 * approval"): a bordered form named by its heading, its error summary, what will happen (the
 * children), then the button that does it and Cancel. The heading takes focus when it appears
 * (`focusHeading`), so keyboard and screen reader users start from what they are confirming.
 */
export function ConfirmForm(props: Omit<FormProps, 'class' | 'labelledBy' | 'cancelHref'> & { title: JSX.Element; focusHeading?: boolean; onCancel: () => void }) {
  const headingId = `confirm-heading-${++confirmCount}`;
  const [own, form] = splitProps(props, ['title', 'focusHeading', 'children']);
  let heading!: HTMLHeadingElement;
  onMount(() => {
    if (own.focusHeading) heading.focus();
  });
  return (
    <Form {...form} class="app-confirm" labelledBy={headingId}>
      <h3 class="govuk-heading-s" id={headingId} tabindex={own.focusHeading ? '-1' : undefined} ref={heading}>
        {own.title}
      </h3>
      {own.children}
    </Form>
  );
}
