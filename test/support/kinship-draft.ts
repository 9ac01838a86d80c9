/** A Kinship Local Offer item a partner may draft: the write the fault tests and the set-up tests send. */
export const kinshipDraft = (title: string, providerAgencyId = 'nhs-kent-medway') => ({
  category: 'peer-support',
  title,
  summary: 'Meet other kinship carers once a month at a family hub.',
  arrangementTypes: ['special-guardianship-order'],
  audience: ['carers'],
  eligibility: 'Any kinship carer living in Medway.',
  howToApply: 'Just come along; no need to book.',
  meansTested: 'no',
  providerAgencyId,
  contact: 'Ask your health visitor.',
});
