import { For, Show } from 'solid-js';
import { sectionWarnings } from '../../../../shared/returns/paths.js';
import type { ReturnView, useWorkstreamNames } from '../../api/returns.js';
import { Loading } from '../../components/loading.js';
import { SummaryCard } from '../../components/summary-card.js';
import { sectionPath } from './paths.js';
import { SectionSummary } from './section-summary.js';
import { ProgressTag } from '../../components/status-tags.js';

/**
 * Every section of the partner's return as a summary card: with Change links while it can be
 * changed (check your answers), read only otherwise (a locked return, the certifier's check).
 */
export function SectionCards(props: { view: ReturnView; names: ReturnType<typeof useWorkstreamNames>; editable: boolean }) {
  return (
    <Show when={props.names.workstreams()} fallback={<Loading label="Loading milestones…" />}>
      <For each={props.view.sections}>
        {(s, i) => (
          <SummaryCard id={`section-${s.workstreamId}`} title={props.names.workstreamName(s.workstreamId)} status={<ProgressTag progress={s.progress ?? 'not-started'} />}>
            <SectionSummary
              section={s}
              names={props.names}
              warnings={sectionWarnings(props.view.warnings, i())}
              of={props.view}
              {...(props.editable ? { change: (field: string) => sectionPath(props.view.periodId, s.workstreamId, field) } : {})}
            />
          </SummaryCard>
        )}
      </For>
    </Show>
  );
}
