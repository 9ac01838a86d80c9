import { Slug } from '../partnership/schema.js';

/**
 * Ids people never have to type: an agency's id from its name, a partnership's address id
 * suggested from its short name. Lower-case letters and digits joined by single hyphens, accents
 * dropped ("Ōxford" -> "oxford"), at most 64 characters, as {@link Slug} requires.
 */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Whether a text makes a usable id ({@link slugOf} of it is a valid {@link Slug}: two characters or more). */
export const makesSlug = (text: string) => Slug.safeParse(slugOf(text)).success;
