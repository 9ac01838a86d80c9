import { For, Show } from 'solid-js';

/** A date as typed into the three boxes of a GOV.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** `YYYY-MM-DD` from the address as the boxes show it ("2026-03-07" -> 7, 3, 2026). */
export function partsOf(iso: string | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : EMPTY_DATE;
}

/**
 * What the boxes say: nothing, a real date as `YYYY-MM-DD`, or the problem in GOV.UK's words
 * ("Start date must include a year").
 */
export function readDate(p: DateParts, name: string): { value?: string; error?: string } {
  const day = p.day.trim();
  const month = p.month.trim();
  const year = p.year.trim();
  if (!day && !month && !year) return {};
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean);
  if (missing.length) return { error: `${name} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${name} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: `${name} must be a real date` };
  return { value: iso };
}

const BOXES = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

/** The GOV.UK date input: day, month and year boxes in a fieldset with its hint and error. */
export function DateInput(props: { id: string; legend: string; hint: string; value: DateParts; error?: string | undefined; onChange: (v: DateParts) => void }) {
  const describedBy = () => `${props.id}-hint${props.error ? ` ${props.id}-error` : ''}`;
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy()}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        <div class="govuk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
        <Show when={props.error}>
          <p class="govuk-error-message" id={`${props.id}-error`}>
            <span class="govuk-visually-hidden">Error:</span> {props.error}
          </p>
        </Show>
        <div class="govuk-date-input" id={props.id}>
          <For each={BOXES}>
            {(box) => (
              <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={`${props.id}-${box.key}`}>
                    {box.label}
                  </label>
                  <input
                    class={`govuk-input govuk-date-input__input govuk-input--width-${box.width}`}
                    classList={{ 'govuk-input--error': !!props.error }}
                    id={`${props.id}-${box.key}`}
                    name={`${props.id}-${box.key}`}
                    type="text"
                    inputmode="numeric"
                    value={props.value[box.key]}
                    onInput={(e) => props.onChange({ ...props.value, [box.key]: e.currentTarget.value })}
                  />
                </div>
              </div>
            )}
          </For>
        </div>
      </fieldset>
    </div>
  );
}
