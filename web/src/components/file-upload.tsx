import { FieldGroup } from './field-group.js';
import { describedBy } from './field-parts.js';

/*
 * The GOV.UK file upload with its label, hint and error. A file input cannot show a file chosen
 * before (on the way back from a check page), so `chosen` names the one kept, as its hint.
 */
export function FileUpload(props: { id: string; label: string; accept?: string; chosen?: string; error?: string; onChange: (file: File | null) => void }) {
  const hint = () => (props.chosen ? `You chose ${props.chosen}. Choose another file to replace it.` : undefined);
  return (
    <FieldGroup id={props.id} label={props.label} hint={hint()} error={props.error}>
      <input
        class="govuk-file-upload"
        classList={{ 'govuk-file-upload--error': !!props.error }}
        id={props.id}
        name={props.id}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(props.id, hint(), props.error)}
        onChange={(e) => props.onChange(e.currentTarget.files?.[0] ?? null)}
      />
    </FieldGroup>
  );
}
