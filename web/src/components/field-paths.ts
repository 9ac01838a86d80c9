import type { Warning } from '../../../shared/pii/detect.js';
import { fieldId } from '../../../shared/returns/paths.js';

/*
 * A form's errors and personal-data warnings (checked as you type), by the field's path in what
 * the form edits (`risks[0].title`); the field's id follows the path (`risks-0-title`). `text(path)`
 * gives the kit's TextField, TextArea and CharacterCount what they need to show both.
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
