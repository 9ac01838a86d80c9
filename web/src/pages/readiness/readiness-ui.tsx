import { scoreSentence } from '../../../../shared/readiness/words.js';
import type { AgencyReadiness } from '../../api/readiness.js';
import { ReadinessBars } from '../../components/charts/percent-bar.js';
import { formatDay } from '../../components/format.js';

/** A target date for people ("31 March 2027"), or that there is none. */
export const day = (iso: string | null | undefined) => formatDay(iso?.slice(0, 10), 'Not set');

/** One agency's readiness as words and two bars (confirmed by the lead, and as the agency says). */
export function AgencyScore(props: { name: string; score: AgencyReadiness }) {
  return (
    <li class="app-readiness-score">
      <h3 class="govuk-heading-s app-readiness-score__name">{props.name}</h3>
      <p class="govuk-body-s app-readiness-score__summary">{scoreSentence(props.score)}</p>
      <ReadinessBars confirmed={props.score.confirmedPercent} selfAssessed={props.score.selfAssessedPercent} />
    </li>
  );
}
