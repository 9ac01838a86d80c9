import { Match, Switch } from 'solid-js';
import type { IndicatorSeries } from '../../api/measures.js';
import { ConfirmForm } from '../../components/form.js';
import { ButtonLink } from '../../components/link-line.js';

/**
 * The lead's actions on one indicator: change it, or retire it (after confirming), or restore a
 * retired one. `confirming` shows the confirmation in place of the buttons.
 */
export function IndicatorActions(props: {
  ind: IndicatorSeries;
  workstreamId: string;
  busy: boolean;
  confirming: boolean;
  onConfirm: (open: boolean) => void;
  onRetire: () => void;
  onRestore: () => void;
}) {
  const hidden = () => <span class="govuk-visually-hidden"> {props.ind.name}</span>;
  return (
    <div class="app-measure-card__actions">
      <Switch>
        <Match when={props.ind.retired}>
          <button type="button" class="govuk-button govuk-button--secondary" disabled={props.busy} onClick={() => props.onRestore()}>
            Restore{hidden()}
          </button>
        </Match>
        <Match when={props.confirming}>
          <ConfirmForm
            title={`Retire "${props.ind.name}"?`}
            focusHeading
            busy={props.busy}
            submit="Yes, retire it"
            warning
            onSubmit={() => props.onRetire()}
            onCancel={() => props.onConfirm(false)}
          >
            <p class="govuk-body">
              {props.ind.reportingAgencyName} will no longer be asked for it in returns. Its values and trend stay here and in the tracker. You can restore it later.
            </p>
          </ConfirmForm>
        </Match>
        <Match when={true}>
          <div class="govuk-button-group">
            <ButtonLink href={`/measures/${props.workstreamId}/${props.ind.id}/edit`} secondary>
              Change{hidden()}
            </ButtonLink>
            <button type="button" class="govuk-button govuk-button--warning" disabled={props.busy} onClick={() => props.onConfirm(true)}>
              Retire{hidden()}
            </button>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
