import { useNavigate, useParams } from '@solidjs/router';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { PageStates } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { PeriodPicker } from '../../components/period-picker.js';
import { QueryResults } from '../../components/results.js';
import { useChosenPeriod, useReturnRows } from '../../api/returns.js';
import { NoPeriodPage, inReturnsScope } from './page-states.js';
import { returnsListPath } from './paths.js';
import { ReturnsTable } from './returns-table.js';
import { returnsSummary } from '../../../../shared/returns/words.js';
import { useApp } from '../../state.js';

/* The programme lead's returns: every agency's return for a period, with a chooser for the period. */

function ReturnsListPageContent() {
  const params = useParams<{ periodId?: string }>();
  const navigate = useNavigate();
  const app = useApp();
  const { periods, period } = useChosenPeriod(() => params.periodId);
  // Rows only for the period on show: another period's rows never sit under this period's heading.
  const [rows] = useReturnRows(() => period()?.id);
  const back = { href: returnsListPath(), text: 'Go to the current period' };

  return (
    <PageStates
      title="Quarterly returns"
      loading="Loading returns…"
      error={periods.error ?? rows.error}
      back={back}
      value={period()}
      notFound={
        <NoPeriodPage
          title="Quarterly returns"
          periodId={params.periodId}
          none="No reporting period has been opened yet. When a period is opened, each agency drafts its return and you will see their progress here."
          missing="Check the address or choose another period."
          back={back}
        />
      }
    >
      {(p) => (
        <Page title={`Quarterly returns for ${periodLabel(p().id)}`} caption={periodLongLabel(p().id)}>
          <PeriodPicker
            periods={periods() ?? []}
            current={p().id}
            option={(x) => `${periodLabel(x.id)} (${periodLongLabel(x.id)})${x.status === 'open' ? ', open' : ', closed'}`}
            button="Show returns"
            onChoose={(id) => navigate(returnsListPath(id))}
          />
          <QueryResults
            data={rows}
            loading="Loading returns…"
            error={null}
            summary={(list) => (
              <>
                Due by <strong>{formatDayLong(p().dueDate)}</strong>. {returnsSummary(list())}
              </>
            )}
          >
            {(list) => <ReturnsTable periodId={p().id} rows={list()} chase={app.me()?.role === 'lead' && p().status === 'open'} />}
          </QueryResults>
        </Page>
      )}
    </PageStates>
  );
}

export const ReturnsListPage = inReturnsScope(ReturnsListPageContent);
