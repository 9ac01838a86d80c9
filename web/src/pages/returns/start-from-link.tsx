import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { ReturnView } from '../../api/returns.js';
import { useMyPartnerships } from '../../api/partnerships.js';
import { useReturnSources } from '../../api/returns.js';
import { formatDay } from '../../components/format.js';
import { InsetText } from '../../components/inset-text.js';
import { startFromPath } from './paths.js';

type Section = ReturnView['sections'][number];

type CopiedFrom = NonNullable<Section['copiedFrom']>;

/** Where a copied section started, in words: "Kent Police’s answer on … in …, copied by Riley Shaw on 30 November 2026". */
export const copiedFromText = (c: CopiedFrom) =>
  `${c.agencyName}’s answer on ${c.workstreamName} in ${c.partnershipName}, copied by ${c.copiedByName} on ${formatDay(c.copiedAt)}.${
    c.milestoneUpdatesLeftOut > 0 ? ' Updates on that partnership’s own milestones were left out.' : ''
  }`;

/** Where a section started, when it was copied from the agency's answer in another partnership. */
export function CopiedFromNote(props: { section: Section | undefined }) {
  return <Show when={props.section?.copiedFrom}>{(c) => <InsetText testId="copied-from">This section started from {copiedFromText(c())}</InsetText>}</Show>;
}

/**
 * For someone who works in more than one partnership: the way to start this section from their
 * agency's answer for the same quarter in another one, shown only when there is one to start from.
 */
export function StartFromLink(props: { periodId: string; agencyId: string; workstreamId: string; workstreamName: string }) {
  const [mine] = useMyPartnerships();
  const [sources] = useReturnSources(() => ((mine()?.partnerships.length ?? 0) > 1 ? ([props.periodId, props.agencyId] as const) : undefined));
  const partnerships = () => (sources()?.sources ?? []).filter((s) => s.sections.length > 0).map((s) => s.partnershipName);
  return (
    <Show when={partnerships().length > 0}>
      <InsetText testId="start-from">
        Your agency has answered this quarter in {partnerships().join(' and ')} too.{' '}
        <A class="govuk-link" href={startFromPath(props.periodId, props.workstreamId)}>
          Start {props.workstreamName} from one of those answers
        </A>
      </InsetText>
    </Show>
  );
}
