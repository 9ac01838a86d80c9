import type { JSX } from 'solid-js';

/** Where a figure about one agency's work on one workstream comes from: that section of its return. */
export const returnHref = (periodId: string, agencyId: string, workstreamId?: string) => `/returns/${periodId}/${agencyId}${workstreamId ? `#section-${workstreamId}` : ''}`;

/** One section of the tracker and board report: a landmark named by its heading (each starts a printed page). */
export function Section(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="app-tracker-section" aria-labelledby={`${props.id}-heading`} id={props.id}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
