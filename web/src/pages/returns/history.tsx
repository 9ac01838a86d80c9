import { describeReturnChanges } from '../../../../shared/returns/words.js';
import { RecordHistory } from '../../components/record-history.js';
import type { KeyedResource } from '../../api/queries.js';
import type { ReturnHistoryData } from '../../api/returns.js';

/* A return's history for the lead: who changed what and when, in words (names, never emails). */

export function ReturnHistory(props: { history: KeyedResource<ReturnHistoryData>; wsName: (id: string) => string }) {
  return (
    <RecordHistory
      history={props.history}
      record="this return"
      whatHeader="What changed"
      empty="No changes yet: the agency has not saved this return."
      details={(e) => describeReturnChanges(e, props.wsName)}
    />
  );
}
