import type { JSX } from 'solid-js';
import { Section as KitSection } from '../../../components/section.js';

/** Where a figure about one agency's work on one workstream comes from: that section of its return. */
export const returnHref = (periodId: string, agencyId: string, workstreamId?: string) => `/returns/${periodId}/${agencyId}${workstreamId ? `#section-${workstreamId}` : ''}`;

/** One section of the tracker and board report: a landmark named by its heading (each starts a printed page). */
export function Section(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <KitSection id={props.id} headingId={`${props.id}-heading`} title={props.title} class="app-tracker-section" focusable>
      {props.children}
    </KitSection>
  );
}
