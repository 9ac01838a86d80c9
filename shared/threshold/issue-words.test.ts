import { describe, expect, it } from 'vitest';
import { compareWith, issueIntro, labelHint, startingPoint } from './issue-words.js';

const markdown = { versionLabel: 'v3.0', contentType: 'text/markdown' };
const pdf = { versionLabel: 'v3.0', contentType: 'application/pdf' };

describe('the issue form’s words about the version it replaces', () => {
  it('when there is no version yet, the form starts empty and suggests a first label', () => {
    expect(issueIntro(undefined)).toMatch(/^Once issued, a version cannot be changed\. It replaces the current version, whose open sign-offs stop/);
    expect(startingPoint(undefined, 'pending')).toBeNull();
    expect(labelHint(undefined, null)).toBe('For example, v1.0. Each version needs a new label.');
    expect(compareWith(undefined, 'ready', 'x')).toEqual({ text: 'x' });
  });

  it('when the current version is text, the form starts from it and the check page compares with it once loaded', () => {
    expect(issueIntro(markdown)).toContain('It replaces the current version (v3.0), whose open sign-offs stop');
    expect(startingPoint(markdown, 'ready')).toBe(
      'This starts from v3.0: its title and text are filled in. Change what needs to change, then summarise the changes for the partners.',
    );
    expect(compareWith(markdown, 'pending', undefined)).toEqual({ text: null, loading: true });
    expect(compareWith(markdown, 'ready', '# Levels')).toEqual({ text: '# Levels' });
  });

  it('when the current text could not be loaded, the form starts empty and the check page says why it cannot compare', () => {
    expect(startingPoint(markdown, 'errored')).toBe('The text of v3.0 could not be loaded, so the document starts empty. Reload the page to try again.');
    expect(compareWith(markdown, 'errored', undefined)).toEqual({ text: null, unavailable: 'The text of v3.0 could not be loaded, so the changes cannot be shown.' });
  });

  it('when the current version is a PDF, there is no text to start from or compare with', () => {
    expect(startingPoint(pdf, 'pending')).toMatch(/^The current version, v3\.0, was issued as a PDF, so there is no text to start from\./);
    expect(compareWith(pdf, 'pending', undefined)).toEqual({
      text: null,
      unavailable: 'v3.0 was issued as a PDF, so the portal cannot compare it with what you typed. Make sure the summary of changes says what changed.',
    });
  });

  it('when the next labels are known, the hint offers a revision and a major version', () => {
    expect(labelHint(markdown, { revision: 'v3.1', major: 'v4.0' })).toBe('The current version is v3.0. Use v3.1 for a revision, or v4.0 for a major new version.');
    expect(labelHint(markdown, null)).toBe('Each version needs a new label; the current one is v3.0.');
  });
});
