import { INVITATION_DAYS } from '../../../../shared/users/schema.js';
import { Radios, Select, TextField } from '../../components/fields.js';
import { withAny } from '../../components/filter-form.js';
import { Section } from '../../components/section.js';
import type { PartProps } from './partnership-form.js';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** When the portal reminds and chases people, and whether returns are certified inside each agency: the template's defaults to start with. */
export function SettingsFields(props: PartProps) {
  return (
    <Section headingId="settings-heading" title="Reminders and certification">
      <TextField
        id="settings-reminderWorkingDays"
        label="How many working days before a return is due should its agency be reminded?"
        hint="From 1 to 20"
        inputmode="numeric"
        width="short"
        maxlength={2}
        value={props.v.reminderWorkingDays}
        onInput={(text) => props.setV('reminderWorkingDays', text)}
        error={props.err('settings-reminderWorkingDays')}
      />
      <TextField
        id="settings-signOffReminderDays"
        label="How many days after a threshold document version is issued should an outstanding sign-off be chased?"
        hint="From 1 to 90. The programme lead is told if it is still outstanding after twice as many days."
        inputmode="numeric"
        width="short"
        maxlength={2}
        value={props.v.signOffReminderDays}
        onInput={(text) => props.setV('signOffReminderDays', text)}
        error={props.err('settings-signOffReminderDays')}
      />
      <Radios
        id="settings-certifyReturns"
        legend="Must each agency’s return be certified by one of its signatories?"
        hint="A signatory of the agency, not the person who prepared the return, certifies it before it reaches the programme lead."
        options={YES_NO}
        value={props.v.certifyReturns}
        onChange={(answer) => props.setV('certifyReturns', answer as 'yes' | 'no')}
        error={props.err('settings-certifyReturns')}
      />
    </Section>
  );
}

/** The partnership's first programme lead: invited by email once it is created, at one of the agencies entered above. */
export function FirstLeadFields(props: PartProps) {
  const agencies = () =>
    withAny(
      'Choose an agency',
      props.v.agencies.map((a, i) => ({ value: String(i), label: a.name.trim() || `Agency ${i + 1} (not named yet)` })),
    );
  return (
    <Section headingId="lead-heading" title="First programme lead">
      <p class="govuk-body">
        They are emailed an invitation with a link to set their password and open the new partnership. The link works for {INVITATION_DAYS} days. They can then invite the
        partnership’s people.
      </p>
      <TextField
        id="firstLead-name"
        label="Full name"
        maxlength={120}
        spellcheck={false}
        value={props.v.leadName}
        onInput={(text) => props.setV('leadName', text)}
        error={props.err('firstLead-name')}
      />
      <TextField
        id="firstLead-email"
        label="Work email address"
        hint="They sign in with it."
        type="email"
        maxlength={254}
        spellcheck={false}
        value={props.v.leadEmail}
        onInput={(text) => props.setV('leadEmail', text)}
        error={props.err('firstLead-email')}
      />
      <Select
        id="firstLead-agencyId"
        label="Their agency"
        options={agencies()}
        value={props.v.leadAgency}
        onChange={(index) => props.setV('leadAgency', index)}
        error={props.err('firstLead-agencyId')}
      />
    </Section>
  );
}
