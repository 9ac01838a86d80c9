import { useNavigate, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { retirementPeriods } from '../../../../shared/partnership/period-scope.js';
import { periodLabel, ukToday } from '../../../../shared/periods/period.js';
import { lifecycle, type SetUpAgency, type SetUpKind, type SetUpWorkstream, setUpChanged } from '../../api/set-up.js';
import { FormPage } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { WarningText } from '../../components/warning-text.js';
import { useApp } from '../../state.js';
import { NotFoundPage } from '../not-found.js';
import { AgencyForm } from './agency-form.js';
import { WorkstreamForm } from './workstream-form.js';

const BACK = { href: '/programme', text: 'Back to programme set-up' };

/**
 * The pages of one workstream or agency on Programme set-up, by address: `/programme/:kind/new`
 * (add), `/programme/:kind/:id/change` and `/programme/:kind/:id/retire`. The record is the one
 * the partnership's data has (retired ones included).
 */
export default function SetUpPage() {
  const app = useApp();
  const params = useParams<{ kind: string; id?: string; action?: string }>();
  const kind = (): SetUpKind | null => (params.kind === 'workstreams' || params.kind === 'agencies' ? params.kind : null);
  const action = () => (params.id === undefined ? 'new' : params.action === 'change' || params.action === 'retire' ? params.action : null);
  const record = (d: NonNullable<ReturnType<typeof app.partnership>>) => {
    if (params.id === undefined) return { kind: kind()!, item: null };
    const list: (SetUpWorkstream | SetUpAgency)[] = kind() === 'workstreams' ? d.workstreams : d.agencies;
    const item = list.find((x) => x.id === params.id);
    return item ? { kind: kind()!, item } : null;
  };
  return (
    <Show when={kind() && action()} fallback={<NotFoundPage />}>
      <Loaded
        data={app.partnership}
        pick={record}
        loading="Loading programme set-up…"
        failed={{ back: BACK }}
        notFound={
          <ProblemPage title={kind() === 'workstreams' ? 'Workstream not found' : 'Agency not found'} back={BACK}>
            <p class="govuk-body">There is no {kind() === 'workstreams' ? 'workstream' : 'agency'} at this address. It may have a new name: find it on Programme set-up.</p>
          </ProblemPage>
        }
      >
        {/* Built once from the version shown: a refetch (after the save) must not overwrite what the lead is typing. */}
        {(r) => (
          <Switch>
            <Match when={action() === 'retire' && r().item}>{(item) => <RetirePage kind={r().kind} item={item()} />}</Match>
            <Match when={r().kind === 'workstreams'}>
              <WorkstreamForm workstream={r().item as SetUpWorkstream | null} />
            </Match>
            <Match when={r().kind === 'agencies'}>
              <AgencyForm agency={r().item as SetUpAgency | null} />
            </Match>
          </Switch>
        )}
      </Loaded>
    </Show>
  );
}

/** The check before a workstream or agency is retired: what stays and what changes (it can be restored). */
function RetirePage(props: { kind: SetUpKind; item: SetUpWorkstream | SetUpAgency }) {
  const navigate = useNavigate();
  const form = createFormState();
  const x = props.item;
  const { lastIn, firstOut } = retirementPeriods(ukToday());
  const workstream = props.kind === 'workstreams';
  const retire = () =>
    form.save(
      async () => {
        await lifecycle[props.kind].retire(x.id, x.version);
        await setUpChanged();
        navigate('/programme', { state: { flash: `${x.name} has been retired. You can restore it from the list of retired ${props.kind}.` } });
      },
      { stale: `Someone else changed ${x.name} since you opened this page. Go back to Programme set-up, then try again.`, fallback: `${x.name} could not be retired. Try again.` },
    );
  return (
    <Show
      when={!x.retiredAt}
      fallback={
        <ProblemPage title={`${x.name} is already retired`} back={BACK}>
          <p class="govuk-body">You can restore it from the list of retired {props.kind} on Programme set-up.</p>
        </ProblemPage>
      }
    >
      <FormPage title={`Retire ${x.name}?`} caption="Programme set-up" form={form} onSubmit={retire} submit={`Retire ${x.name}`} warning cancelHref="/programme">
        <WarningText
          lines={[
            workstream
              ? `From ${periodLabel(firstOut)}, agencies will no longer report on ${x.name}, and it will not be in reminders or readiness.`
              : `From ${periodLabel(firstOut)}, ${x.name} will no longer be asked for returns or reminded, and it will not be offered as a choice.`,
          ]}
        />
        <p class="govuk-body">
          It stays in the returns, tracker and trends of {periodLabel(lastIn)} and earlier, labelled as retired.{' '}
          {workstream ? 'Its milestones and readiness criteria are kept.' : 'Its people keep their accounts: deactivate them on the People page if they no longer need access.'}
        </p>
        <p class="govuk-body">You can restore it later.</p>
      </FormPage>
    </Show>
  );
}
