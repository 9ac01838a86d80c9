import { useNavigate, useParams } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { addIndicator, type IndicatorSeries, type Measures, measuresChanged, updateIndicator, useMeasures } from '../../api/measures.js';
import { FormPage } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { LeadOnly } from '../../components/role-guard.js';
import { useApp } from '../../state.js';
import { IndicatorFields } from './indicator-fields.js';
import { blankIndicator, changesOf, checkIndicator, fieldOf, fromIndicator } from './indicator-form.js';
import { measuresFailed } from './measures-data.js';
import './measures.css';

interface FormContext {
  workstreamId: string;
  workstreamName: string;
  threshold: number;
  /** The agencies that may report it, in the partnership's order. */
  agencies: { id: string; name: string }[];
  indicator: IndicatorSeries | null;
}

function IndicatorForm(props: { ctx: FormContext }) {
  const app = useApp();
  const navigate = useNavigate();
  // Built once from the version shown: a refetch must not overwrite what the lead is typing.
  const { workstreamId, workstreamName, indicator, agencies, threshold } = props.ctx;
  const back = `/measures/${workstreamId}`;
  const [values, setValues] = createStore(indicator ? fromIndicator(indicator) : blankIndicator(agencies.map((a) => a.id)));
  const form = createFormState();
  const agencyName = (id: string) => app.agencyName(id) ?? id;

  const save = async (request: NonNullable<ReturnType<typeof checkIndicator>['request']>) => {
    let flash: string;
    if (indicator) {
      const changes = changesOf(indicator, request);
      if (Object.keys(changes).length === 0) flash = `You made no changes to "${indicator.name}".`;
      else {
        const saved = await updateIndicator(workstreamId, indicator.id, changes, indicator.version);
        flash = `"${saved.data.name}" has been updated.`;
      }
    } else {
      const saved = await addIndicator(workstreamId, request);
      flash = `"${saved.name}" has been added. ${agencyName(saved.reportingAgencyId)} reports it in its return for ${workstreamName}.`;
    }
    await measuresChanged();
    navigate(back, { state: { flash } });
  };

  const submit = () => {
    const { request, errors } = checkIndicator(
      values,
      agencies.map((a) => a.id),
      new Map(agencies.map((a) => [a.id, a.name])),
    );
    form.setErrors(errors);
    if (!request) return;
    void form.save(() => save(request), {
      field: fieldOf,
      stale: 'Someone else changed this indicator after you opened it. Reload the page to see their changes, then make yours again.',
      fallback: 'The indicator could not be saved. Try again.',
    });
  };

  return (
    <FormPage
      title={indicator ? `Change indicator: ${indicator.name}` : `Add an indicator: ${workstreamName}`}
      heading={indicator ? 'Change indicator' : 'Add an indicator'}
      caption={workstreamName}
      form={form}
      onSubmit={submit}
      submit={indicator ? 'Save changes' : 'Add indicator'}
      cancelHref={back}
    >
      <p class="govuk-body">
        {indicator
          ? 'Values already reported stay as they are. A new target or tolerance changes how every value is rated.'
          : 'An indicator is a figure about children and families in the whole area, never about one child. The agency you choose reports its value in its return from this quarter.'}
      </p>
      <IndicatorFields values={values} set={setValues} err={form.err} agencies={agencies} threshold={threshold} />
    </FormPage>
  );
}

/** What the form needs: the workstream, its reporting agencies, the threshold and the indicator to change (null: a new one). */
function contextOf(m: Measures, partnership: ReturnType<ReturnType<typeof useApp>['partnership']>, params: { workstreamId: string; indicatorId?: string }) {
  const ws = partnership?.workstreams.find((w) => w.id === params.workstreamId);
  if (!partnership || !ws) return undefined;
  const indicator = params.indicatorId ? (m.workstreams[0]?.indicators.find((i) => i.id === params.indicatorId && !i.retired) ?? null) : null;
  if (params.indicatorId && !indicator) return null;
  const inUse = partnership.agencies.filter((a) => !a.retiredAt);
  const reporting = inUse.filter((a) => ws.contributingAgencyIds.includes(a.id) || a.id === indicator?.reportingAgencyId);
  return {
    workstreamId: ws.id,
    workstreamName: ws.name,
    threshold: m.settings.smallNumberThreshold,
    agencies: reporting.map((a) => ({ id: a.id, name: a.name })),
    indicator,
  } satisfies FormContext;
}

/** `/measures/:workstreamId/new` and `/measures/:workstreamId/:indicatorId/edit`: the lead adds or changes an indicator. */
export default function IndicatorFormPage() {
  const app = useApp();
  const params = useParams<{ workstreamId: string; indicatorId?: string }>();
  // Only the lead's page loads anything.
  const [data] = useMeasures(() => app.me()?.role === 'lead' && { workstreamId: params.workstreamId });
  const back = () => ({ href: `/measures/${params.workstreamId}`, text: 'Back to the outcome measures' });
  return (
    <LeadOnly
      title="You cannot change outcome indicators"
      reason="Only the programme lead adds and changes outcome indicators. Agencies report their values in their returns."
      back={back()}
    >
      <Loaded
        data={data}
        pick={(m) => contextOf(m, app.partnership(), params)}
        loading="Loading the indicator…"
        failed={measuresFailed}
        notFound={
          <ProblemPage title="Indicator not found" back={back()}>
            <p class="govuk-body">There is no indicator {params.indicatorId} in use in this workstream. A retired indicator must be restored before it can be changed.</p>
          </ProblemPage>
        }
      >
        {(ctx) => <IndicatorForm ctx={ctx()} />}
      </Loaded>
    </LeadOnly>
  );
}
