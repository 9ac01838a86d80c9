import { describe, expect, it } from 'vitest';
import { blank, checkItemForm, type FormValues, fromItem, stillNeeded, toRequest } from './item-form.js';

const filled: FormValues = {
  ...blank('medway-council'),
  category: 'financial-support',
  title: 'Special guardianship allowance',
  summary: 'Money towards the cost of caring for the child.',
  arrangementTypes: ['special-guardianship-order'],
  howDecisionsAreMade: 'The allowance panel decides within 28 days.',
  howToApply: 'Ask your social worker.',
  contact: '01634 331234',
};

describe('the kinship item form', () => {
  it('when the form is complete, the request is what the API stores (empty optional text as null)', () => {
    const { request, errors } = checkItemForm(filled);
    expect(errors).toEqual([]);
    expect(request).toMatchObject({ title: 'Special guardianship allowance', providerAgencyId: 'medway-council', providerName: null });
    expect(toRequest({ ...filled, providerAgencyId: '', providerName: '  Kinship  ' })).toMatchObject({ providerAgencyId: null, providerName: 'Kinship' });
  });

  it('when answers are missing or too long, each field has one plain-English message, in the order of the form (the provider rule waits for these)', () => {
    const { request, errors } = checkItemForm({ ...blank(null), title: 'x'.repeat(201), howDecisionsAreMade: '' });
    expect(request).toBeNull();
    expect(errors).toEqual([
      { path: 'category', message: 'Choose the category this support belongs to' },
      { path: 'title', message: 'Title must be 200 characters or fewer' },
      { path: 'summary', message: 'Enter a plain-English summary of the support' },
      { path: 'arrangementTypes', message: 'Choose at least one kinship arrangement this support is for' },
    ]);
  });

  it('when financial support does not say how decisions are made, that is asked for', () => {
    expect(checkItemForm({ ...filled, howDecisionsAreMade: ' ' }).errors).toEqual([{ path: 'howDecisionsAreMade', message: 'Say how decisions about financial support are made' }]);
  });

  it('when an item is read back into the form, saving it unchanged sends the same content', () => {
    const request = checkItemForm(filled).request!;
    expect(checkItemForm(fromItem(request)).request).toEqual(request);
  });

  it('when an item cannot be sent for review yet, the save message says what is missing', () => {
    expect(stillNeeded(filled)).toBe('');
    expect(stillNeeded({ ...filled, howToApply: '' })).toBe(' Before it can be sent for review: Say how to apply.');
  });
});
