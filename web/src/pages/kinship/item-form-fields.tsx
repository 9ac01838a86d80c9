import { Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { OTHER, type FormValues } from '../../../../shared/kinship/item-form.js';
import { AUDIENCE_LABELS, MEANS_TESTED_OPTIONS } from '../../../../shared/kinship/labels.js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, CATEGORIES, CATEGORY_LABELS, STATUTORY_CATEGORIES } from '../../../../shared/kinship/schema.js';
import { Choices, namedOptions, Radios, Select, TextArea, TextField, optionsOf } from '../../components/fields.js';
import { storeFields } from '../../components/store-fields.js';

const CATEGORY_OPTIONS = [
  { value: '', label: 'Choose a category' },
  ...CATEGORIES.map((c) => ({ value: c, label: `${CATEGORY_LABELS[c]}${(STATUTORY_CATEGORIES as readonly string[]).includes(c) ? '' : ' (optional)'}` })),
];
const ARRANGEMENT_OPTIONS = optionsOf(ARRANGEMENT_TYPES, ARRANGEMENT_LABELS);
const AUDIENCE_OPTIONS = optionsOf(['carers', 'children'] as const, AUDIENCE_LABELS);

/** The item's fields, in the order families read them; `err` gives each field's error. */
export function ItemFields(props: {
  values: FormValues;
  set: SetStoreFunction<FormValues>;
  err: (field: keyof FormValues) => string | undefined;
  agencies: readonly { id: string; name: string }[];
}) {
  const { text, choice, choices } = storeFields(props);
  return (
    <>
      <Select {...choice('category')} label="Category" hint="The first six are the areas the law says the offer must cover." options={CATEGORY_OPTIONS} />
      <TextField {...text('title')} label="Title" hint="For example, Special guardianship allowance." />
      <TextArea {...text('summary')} label="Summary" hint="What the support is and how it helps, in plain English." rows={4} />
      <Choices
        {...choices('arrangementTypes')}
        legend="Which kinship arrangements is it for?"
        hint="Select all that apply. Support should follow the child's needs, not the legal order."
        options={ARRANGEMENT_OPTIONS}
      />
      <Choices {...choices('audience')} legend="Who is it for?" options={AUDIENCE_OPTIONS} />
      <TextArea {...text('eligibility')} label="Who can get it" hint="Eligibility in plain English: who qualifies and who does not." rows={3} />
      <TextArea {...text('howToApply')} label="How to apply" hint="Needed before the item can be sent for review." rows={3} />
      <Radios {...choice('meansTested')} legend="Is it means-tested?" options={MEANS_TESTED_OPTIONS} />
      <TextArea
        {...text('howDecisionsAreMade')}
        label={props.values.category === 'financial-support' ? 'How decisions are made' : 'How decisions are made (optional)'}
        hint="Required for financial support: who decides, how long it takes and how to challenge a decision."
        rows={3}
      />
      <Select
        {...choice('providerAgencyId')}
        label="Who provides it"
        options={[...namedOptions(props.agencies), { value: OTHER, label: 'Another organisation (enter its name)' }]}
      />
      <Show when={props.values.providerAgencyId === OTHER}>
        <TextField {...text('providerName')} label="Name of the organisation" hint="For example, a kinship charity or local support group." />
      </Show>
      <TextArea
        {...text('contact')}
        label="Contact"
        hint="A team, service phone number, email or web address (https://…). Not a named person's details. Needed before the item can be sent for review."
        rows={2}
      />
    </>
  );
}
