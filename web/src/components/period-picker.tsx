import { For } from 'solid-js';
import './period-picker.css';
import './select-fit.css';

/*
 * "Reporting period" and a button to show it: the page moves to the period chosen when the button
 * is pressed (not on change, so keyboard users can move through the options). `option` says how a
 * period reads in the list.
 */
export function PeriodPicker<P extends { id: string }>(props: {
  periods: readonly P[];
  current: string;
  option: (period: P) => string;
  button: string;
  onChoose: (periodId: string) => void;
  labelClass?: string;
  class?: string;
}) {
  let select!: HTMLSelectElement;
  return (
    <form
      class={`app-period-picker app-select-fit${props.class ? ` ${props.class}` : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onChoose(select.value);
      }}
    >
      <div class="govuk-form-group app-period-picker__group">
        <label class={`govuk-label${props.labelClass ? ` ${props.labelClass}` : ''}`} for="period">
          Reporting period
        </label>
        <select id="period" name="periodId" class="govuk-select" ref={select} value={props.current}>
          <For each={props.periods}>{(p) => <option value={p.id}>{props.option(p)}</option>}</For>
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary app-period-picker__button">
        {props.button}
      </button>
    </form>
  );
}
