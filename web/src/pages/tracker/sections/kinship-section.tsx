import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { statutoryCoverage } from '../../../../../shared/tracker/figures.js';
import type { Tracker } from '../../../api/tracker.js';
import { Tag } from '../../../components/tag.js';
import { Section } from './section.js';
import { formatDay } from '../../../components/format.js';

/** The Kinship Local Offer: statutory categories covered, reviews overdue, last published. */
export function KinshipSection(props: { t: Tracker }) {
  const k = () => props.t.kinship;
  const coverage = () => statutoryCoverage(k());
  const overdue = () => k().overdueReviews;
  return (
    <Section id="kinship" title="Kinship Local Offer">
      <ul class="govuk-list app-tracker-facts">
        <li>
          <A class="govuk-link" href="/kinship">
            {coverage().covered} of {coverage().total} statutory categories covered
          </A>{' '}
          <Show when={k().complete} fallback={<Tag colour="red">Gaps</Tag>}>
            <Tag colour="green">Complete</Tag>
          </Show>
        </li>
        <Show when={coverage().missing.length > 0}>
          <li>Not covered: {coverage().missing.join(', ')}</li>
        </Show>
        <li>
          <A class="govuk-link" href="/kinship">
            {overdue().length === 0 ? 'No reviews overdue' : `${overdue().length} ${overdue().length === 1 ? 'review' : 'reviews'} overdue`}
          </A>
          <Show when={overdue().length > 0}>
            :{' '}
            {overdue()
              .map((r) => `${r.title} (due ${formatDay(r.nextReviewDue)})`)
              .join('; ')}
          </Show>
        </li>
        <li>Last published: {k().lastPublishedAt ? formatDay(k().lastPublishedAt) : 'not published yet'}</li>
      </ul>
    </Section>
  );
}
