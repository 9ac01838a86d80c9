import { Index } from 'solid-js';
import { AGENCY_TYPE_LABELS } from '../../../../shared/partnership/schema.js';
import { TextArea, TextField } from '../../components/fields.js';
import { listOf } from '../../../../shared/text/plural.js';
import { Section } from '../../components/section.js';
import type { TemplateDetail } from '../../api/platform.js';
import type { AgencyTypeName } from '../../../../shared/platform/new-partnership.js';
import type { PartProps } from './partnership-form.js';

type TemplateWorkstream = TemplateDetail['draft']['template']['workstreams'][number];

/** Agency types in words: "local authority, police and education". */
export const typesInWords = (types: readonly AgencyTypeName[]) => listOf(types.map((t) => AGENCY_TYPE_LABELS[t].toLowerCase()));

/** The template's workstreams, each renamed and described in the partnership's words; which agency types lead and contribute is the template's. */
export function WorkstreamFields(props: PartProps & { workstreams: readonly TemplateWorkstream[] }) {
  return (
    <Section headingId="workstreams-heading" title="Workstreams">
      <p class="govuk-body">
        The reform workstreams every agency reports on. Change their names and descriptions to the partnership’s own words if you need to. Every agency of a contributing type
        reports on a workstream; it is led by a statutory agency of its lead type.
      </p>
      <Index each={props.workstreams}>
        {(w, i) => (
          <fieldset class="govuk-fieldset app-repeat" id={`template-workstreams-${i}`}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Workstream {i + 1}</legend>
            <TextField
              id={`template-workstreams-${i}-name`}
              label="Name"
              maxlength={200}
              value={props.v.workstreams[i]?.name ?? ''}
              onInput={(text) => props.setV('workstreams', i, 'name', text)}
              error={props.err(`template-workstreams-${i}-name`)}
            />
            <TextArea
              id={`template-workstreams-${i}-description`}
              label="Description"
              rows={3}
              maxlength={2000}
              value={props.v.workstreams[i]?.description ?? ''}
              onInput={(text) => props.setV('workstreams', i, 'description', text)}
              error={props.err(`template-workstreams-${i}-description`)}
            />
            <p class="govuk-body-s" data-testid="workstream-agencies">
              Led by: {typesInWords([w().leadAgencyType])} agency. Contributing: {typesInWords(w().contributingAgencyTypes)} agencies.
            </p>
          </fieldset>
        )}
      </Index>
    </Section>
  );
}
