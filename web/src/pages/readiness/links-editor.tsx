import { ListEditor } from '../../components/list-editor.js';
import { TextField } from '../../components/fields.js';

/** Up to 10 links to evidence, each in its own box (`link-0`, `link-1`...), so an error points at the one to fix. */
export function LinksEditor(props: { links: string[]; onChange: (links: string[]) => void; error: (index: number) => string | undefined }) {
  return (
    <div class="govuk-form-group">
      <ListEditor
        id="links"
        noun="link"
        items={props.links}
        heading="Links to evidence (optional)"
        headingClass="govuk-label govuk-label--s"
        hint="Full web addresses starting with https://, for example a document on your intranet. Up to 10."
        max={10}
        onAdd={() => props.onChange([...props.links, ''])}
        onRemove={(i) => props.onChange(props.links.filter((_, j) => j !== i))}
        firstFieldId={(i) => `link-${i}`}
      >
        {(link, i) => (
          <TextField
            id={`link-${i}`}
            label="Web address"
            error={props.error(i)}
            type="url"
            inputmode="url"
            spellcheck={false}
            autocomplete="url"
            value={link()}
            onInput={(v) => props.onChange(props.links.map((x, j) => (j === i ? v : x)))}
          />
        )}
      </ListEditor>
    </div>
  );
}
