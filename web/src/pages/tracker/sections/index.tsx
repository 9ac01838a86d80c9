import type { JSX } from 'solid-js';
import { Deferred } from '../../../components/deferred.js';
import type { Tracker } from '../../../api/tracker.js';
import { KinshipSection } from './kinship-section.js';
import { ConfidenceSection } from './matrix-section.js';
import { MeasuresSection } from './measures-section.js';
import { MilestonesSection } from './milestones-section.js';
import { ReadinessSection } from './readiness-section.js';
import { ReturnsSection } from './returns-section.js';
import { RisksSection } from './risks-section.js';
import { ThresholdSection } from './threshold-section.js';
import { TrendSection } from './trend-section.js';

/**
 * The tracker's sections in order, for the tracker page and the board report. `afterConfidence`
 * goes between the ratings and the trend (the lead's overall confidence form); `report` lays
 * sections out for the printed board report (outcome measures as a table of figures and words).
 */
export function TrackerSections(props: { t: Tracker; trendId?: string; afterConfidence?: JSX.Element; report?: boolean }) {
  return (
    <>
      <ConfidenceSection t={props.t} />
      {props.afterConfidence}
      <TrendSection t={props.t} idPrefix={props.trendId} />
      {/* Below the first screen: built in turn, each in a task of its own (see Deferred). */}
      <Deferred order={1}>
        <MeasuresSection t={props.t} report={props.report} idPrefix={props.report ? 'board-measures' : 'measures'} />
      </Deferred>
      <Deferred order={1}>
        <ReturnsSection t={props.t} />
      </Deferred>
      <Deferred order={2}>
        <ReadinessSection t={props.t} />
      </Deferred>
      <Deferred order={3}>
        <ThresholdSection t={props.t} />
        <KinshipSection t={props.t} />
      </Deferred>
      <Deferred order={4}>
        <RisksSection t={props.t} />
      </Deferred>
      <Deferred order={5}>
        <MilestonesSection t={props.t} />
      </Deferred>
    </>
  );
}
