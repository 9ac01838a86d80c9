/*
 * What the issue form and its check page say about the version being replaced: what issuing
 * does, where the form starts from, which labels to use next, and what the new text can be
 * compared with. The current version is undefined before the first one is issued; its text is
 * still loading (`pending`), loaded (`ready`) or could not be loaded (`errored`).
 */

/** The version a new one replaces, as these words need it. */
export interface CurrentVersion {
  versionLabel: string;
  contentType: string;
}
export type TextState = 'pending' | 'ready' | 'errored';

/** The current version's text to compare the new one with, or why there is none, or that it is still loading. */
export interface CompareWith {
  text: string | null;
  unavailable?: string;
  loading?: boolean;
}

const isPdf = (v: CurrentVersion) => v.contentType !== 'text/markdown';

/** What issuing does, said before the form. */
export const issueIntro = (current: CurrentVersion | undefined) =>
  `Once issued, a version cannot be changed. It replaces the current version${current ? ` (${current.versionLabel})` : ''}, whose open sign-offs stop, and each statutory partner's signatory is asked to approve it. You can check your answers before you issue it.`;

/** Where the form starts from: the current version's title and text, or why the text starts empty (null: the first version). */
export function startingPoint(current: CurrentVersion | undefined, text: TextState): string | null {
  if (!current) return null;
  if (isPdf(current))
    return `The current version, ${current.versionLabel}, was issued as a PDF, so there is no text to start from. Type or paste the new version's text, or upload a PDF.`;
  if (text === 'errored') return `The text of ${current.versionLabel} could not be loaded, so the document starts empty. Reload the page to try again.`;
  return `This starts from ${current.versionLabel}: its title and text are filled in. Change what needs to change, then summarise the changes for the partners.`;
}

/** The hint under the version label: the next labels when there are suggestions (shared/threshold/next-label.ts). */
export function labelHint(current: CurrentVersion | undefined, next: { revision: string; major: string } | null): string {
  if (!current) return 'For example, v1.0. Each version needs a new label.';
  return next
    ? `The current version is ${current.versionLabel}. Use ${next.revision} for a revision, or ${next.major} for a major new version.`
    : `Each version needs a new label; the current one is ${current.versionLabel}.`;
}

/** What the check page compares the new text with: the current version's `content` once loaded. */
export function compareWith(current: CurrentVersion | undefined, text: TextState, content: string | undefined): CompareWith {
  if (current && isPdf(current))
    return {
      text: null,
      unavailable: `${current.versionLabel} was issued as a PDF, so the portal cannot compare it with what you typed. Make sure the summary of changes says what changed.`,
    };
  if (text === 'errored') return { text: null, unavailable: `The text of ${current?.versionLabel ?? 'the current version'} could not be loaded, so the changes cannot be shown.` };
  return text === 'ready' ? { text: content ?? '' } : { text: null, loading: true };
}
