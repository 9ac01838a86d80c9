import type { JSX } from 'solid-js';
import { Form, type FormStatus } from './form.js';

/**
 * A form that is one button ("Draft again from the records"): its heading, what pressing it
 * does (`children`), then the button (secondary: not the page's main action), with the form's
 * error summary first. While it runs, the button says so (`busyLabel`) and cannot be pressed again.
 */
export function ButtonForm(props: {
  form: FormStatus;
  onSubmit: () => void;
  headingId: string;
  title: string;
  label: string;
  busyLabel: string;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <Form form={props.form} onSubmit={props.onSubmit} class={props.class} labelledBy={props.headingId}>
      <h2 class="govuk-heading-s" id={props.headingId}>
        {props.title}
      </h2>
      {props.children}
      <button type="submit" class="govuk-button govuk-button--secondary" disabled={props.form.busy()}>
        {props.form.busy() ? props.busyLabel : props.label}
      </button>
    </Form>
  );
}
