import { readFileSync } from 'node:fs';
import { Slug } from '../../shared/partnership/schema.js';
import { PartnershipTemplate } from '../../shared/partnership/template.js';
import familiesFirstEngland from './templates/families-first-england.json' with { type: 'json' };

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

/**
 * Every template file, imported (not read from disk) so the API's bundle carries them: a new
 * template is a JSON file in `./templates/` and its line here (templates.test.ts checks that each
 * file has one).
 */
const TEMPLATE_FILES: readonly unknown[] = [familiesFirstEngland];

/** The templates platform administrators choose from. */
export interface TemplateCatalogue {
  list(): PartnershipTemplate[];
  get(id: string): PartnershipTemplate | null;
}

let checked: PartnershipTemplate[] | undefined;

/**
 * The templates, each checked against {@link PartnershipTemplate} on first use (a broken file fails
 * loudly, once), in the order of their names.
 * @throws ZodError when a template file is not a valid template.
 */
export const templateCatalogue: TemplateCatalogue = {
  list() {
    checked ??= TEMPLATE_FILES.map((raw) => PartnershipTemplate.parse(raw)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return checked;
  },
  get(id) {
    return this.list().find((t) => t.id === id) ?? null;
  },
};
