import type { Warning } from '../../../../shared/pii/detect.js';
import { fieldId } from '../../../../shared/returns/paths.js';

/*
 * The section form's errors and personal-data warnings (checked as you type), by the field's path
 * in the section (`risks[0].title`); the field's id follows the path. `text(path)` gives the kit's
 * TextField, TextArea and CharacterCount what they need to show both.
 */

export interface FormFields {
  err(path: string): string | undefined;
  /** id, error and warnings of a text field, for the kit's TextField and TextArea */
  text(path: string): { id: string; error: string | undefined; warnings: Warning[]; labelClass: string };
}

export function formFields(err: (path: string) => string | undefined, warnings: () => Warning[]): FormFields {
  return {
    err,
    text: (path) => ({ id: fieldId(path), error: err(path), warnings: warnings().filter((w) => w.path === path), labelClass: '' }),
  };
}
