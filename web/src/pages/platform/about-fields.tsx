import { slugOf } from '../../../../shared/platform/slug.js';
import { Radios, TextField } from '../../components/fields.js';
import { Section } from '../../components/section.js';
import type { PartProps } from './partnership-form.js';

/** The partnership's names, its address id (suggested from the short name until one is typed) and its first year of reporting. */
export function AboutFields(props: PartProps & { firstYear: number }) {
  const setShortName = (text: string) => {
    props.setV('shortName', text);
    if (!props.v.idTyped) props.setV('id', slugOf(text));
  };
  const years = () => [props.firstYear, props.firstYear + 1].map((y) => ({ value: String(y), label: `April ${y} to March ${y + 1}` }));
  return (
    <Section headingId="about-heading" title="About the partnership">
      <TextField
        id="partnership-name"
        label="Full name"
        hint="For example, Thameside Safeguarding Children Partnership"
        maxlength={200}
        value={props.v.name}
        onInput={(text) => props.setV('name', text)}
        error={props.err('partnership-name')}
      />
      <TextField
        id="partnership-short-name"
        label="Short name"
        hint="Used where space is short, for example TSCP"
        width="medium"
        maxlength={40}
        value={props.v.shortName}
        onInput={setShortName}
        error={props.err('partnership-short-name')}
      />
      <TextField
        id="partnership-id"
        label="Address id"
        hint={
          <>
            Its pages will be at <span class="app-code">/p/{props.v.id || 'your-id'}</span>. Lower-case letters, numbers and hyphens, suggested from the short name. It cannot be
            changed later.
          </>
        }
        width="medium"
        maxlength={64}
        spellcheck={false}
        value={props.v.id}
        // Cleared, it follows the short name again.
        onInput={(text) => props.setV({ id: text, idTyped: text !== '' })}
        error={props.err('partnership-id')}
      />
      <Radios
        id="first-year"
        legend="First financial year of reporting"
        hint="Its quarterly reporting periods are opened for this year."
        options={years()}
        value={props.v.firstYear}
        onChange={(year) => props.setV('firstYear', year)}
        error={props.err('first-year')}
      />
    </Section>
  );
}
