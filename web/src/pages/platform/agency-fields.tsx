import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../../../../shared/partnership/schema.js';
import { slugOf } from '../../../../shared/platform/slug.js';
import { optionsOf, Radios, Select, TextField } from '../../components/fields.js';
import { withAny } from '../../components/filter-form.js';
import { ListEditor } from '../../components/list-editor.js';
import { Section } from '../../components/section.js';
import type { AgencyTypeName } from '../../../../shared/platform/new-partnership.js';
import type { PartProps } from './partnership-form.js';
import { typesInWords } from './workstream-fields.js';

const TYPES = withAny('Choose a type', optionsOf(AGENCY_TYPES, AGENCY_TYPE_LABELS));
const STATUTORY = [
  { value: 'yes', label: 'Yes', hint: 'The council, the police force or the integrated care board' },
  { value: 'no', label: 'No', hint: 'A relevant agency, such as schools, or a voluntary organisation' },
];

/** The partnership's agencies, one row each (a statutory agency of each type the template requires to start with); each id is made from its name. */
export function AgencyFields(props: PartProps & { requiredTypes: readonly AgencyTypeName[] }) {
  const add = () => props.setV('agencies', (list) => [...list, { name: '', type: '', statutory: '' }]);
  const remove = (index: number) => {
    props.setV('agencies', (list) => list.filter((_, i) => i !== index));
    // The lead's agency is held by its place in the list.
    const lead = props.v.leadAgency === '' ? -1 : Number(props.v.leadAgency);
    if (lead === index) props.setV('leadAgency', '');
    else if (lead > index) props.setV('leadAgency', String(lead - 1));
  };
  return (
    <Section headingId="agencies-heading" title="Agencies">
      <p class="govuk-body" id="agencies-hint">
        The template needs an agency of each of these types: {typesInWords(props.requiredTypes)}. Add the others that take part, such as schools and education or the voluntary
        sector. Each agency’s id in the portal is made from its name.
      </p>
      <ListEditor
        id="agencies"
        noun="agency"
        article="an"
        items={props.v.agencies}
        hintId="agencies-hint"
        error={props.err('agencies')}
        max={50}
        onAdd={add}
        onRemove={remove}
        firstFieldId={(i) => `agencies-${i}-name`}
      >
        {(agency, i) => (
          <>
            <TextField
              id={`agencies-${i}-name`}
              label="Name"
              hint={slugOf(agency().name) ? `Its id: ${slugOf(agency().name)}` : 'For example, Thameside Council'}
              maxlength={200}
              value={agency().name}
              onInput={(text) => props.setV('agencies', i, 'name', text)}
              error={props.err(`agencies-${i}-name`)}
            />
            <Select
              id={`agencies-${i}-type`}
              label="Type"
              options={TYPES}
              value={agency().type}
              onChange={(type) => props.setV('agencies', i, 'type', type as AgencyTypeName | '')}
              error={props.err(`agencies-${i}-type`)}
            />
            <Radios
              id={`agencies-${i}-statutory`}
              legend="Statutory safeguarding partner?"
              small
              options={STATUTORY}
              value={agency().statutory}
              onChange={(answer) => props.setV('agencies', i, 'statutory', answer as 'yes' | 'no')}
              error={props.err(`agencies-${i}-statutory`)}
            />
          </>
        )}
      </ListEditor>
    </Section>
  );
}
