import { readFileSync } from 'node:fs';
import { Slug } from '../../shared/partnership/schema.js';
import { PartnershipTemplate } from '../../shared/partnership/template.js';

/** The template a new partnership starts from unless the administrator picks another. */
export const DEFAULT_TEMPLATE_ID = 'families-first-england';

/**
 * Reads a partnership template from `./templates/<id>.json` and checks it against
 * {@link PartnershipTemplate}, so a typo in the data fails loudly (as `loadSeed` does for the demo).
 * @throws ZodError when `id` is not a slug or the file is not a valid template; Error when the
 * file's own id differs from its name; the file system's error when there is no such template.
 */
export function loadTemplate(id: string = DEFAULT_TEMPLATE_ID): PartnershipTemplate {
  // A slug cannot climb out of the templates folder.
  const slug = Slug.parse(id);
  const raw = JSON.parse(readFileSync(new URL(`./templates/${slug}.json`, import.meta.url), 'utf8')) as unknown;
  const template = PartnershipTemplate.parse(raw);
  if (template.id !== slug) throw new Error(`Template file ${slug}.json has the id ${template.id}`);
  return template;
}
