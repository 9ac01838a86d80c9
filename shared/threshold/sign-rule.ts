import type { Me } from '../auth/roles.js';
import type { Decision, SignOff, ThresholdVersion } from './schema.js';

/*
 * Who may record a decision on a threshold document version: the signatory of a partner agency the
 * version names, once, while it is the current version. The page says why someone cannot
 * (`whyCannotSign`); the API's sign-off applies the same rule.
 */

export type CannotSign =
  | { reason: 'lead' | 'executive' | 'not-signatory' | 'not-required' | 'superseded' }
  | { reason: 'decided'; decision: Pick<SignOff, 'agencyId' | 'decision' | 'at'> };

/** Why this person cannot record a decision on the version, or null when they can. */
export function cannotSign(me: Pick<Me, 'role' | 'signatory' | 'agencyId'>, v: Pick<ThresholdVersion, 'requiredAgencyIds' | 'status' | 'decisions'>): CannotSign | null {
  if (me.role === 'lead') return { reason: 'lead' };
  if (me.role === 'executive') return { reason: 'executive' };
  if (!me.signatory) return { reason: 'not-signatory' };
  if (!me.agencyId || !v.requiredAgencyIds.includes(me.agencyId)) return { reason: 'not-required' };
  if (v.status === 'superseded') return { reason: 'superseded' };
  const mine = v.decisions.find((d) => d.agencyId === me.agencyId);
  return mine ? { reason: 'decided', decision: mine } : null;
}

/** A decision as people read it. */
export const DECISION_LABEL: Record<Decision, string> = { approve: 'Approved', 'request-changes': 'Changes requested' };

/**
 * Why this person cannot record a decision on the version, in words, or null when they can.
 * `agencyName` names an agency; `formatDate` writes the day a decision was recorded.
 */
export function whyCannotSign(
  me: Pick<Me, 'role' | 'signatory' | 'agencyId'>,
  v: Pick<ThresholdVersion, 'requiredAgencyIds' | 'status' | 'decisions' | 'versionLabel'>,
  agencyName: (id: string) => string | undefined,
  formatDate: (iso: string) => string,
): string | null {
  const why = cannotSign(me, v);
  switch (why?.reason) {
    case undefined:
      return null;
    case 'lead':
      return 'The programme lead issues threshold document versions. Only the signatories of the statutory safeguarding partners approve them or request changes.';
    case 'executive':
      return 'Partnership executive members follow sign-off here, but do not sign the threshold document.';
    case 'not-signatory':
      return "Only your agency's signatory (its accountable officer or their delegate) can approve the threshold document or request changes. Your account is not a signatory.";
    case 'not-required':
      return `${agencyName(me.agencyId ?? '') ?? 'Your agency'} is not one of the partners that sign the threshold document.`;
    case 'superseded':
      return 'This version has been superseded by a newer one.';
    case 'decided':
      return `${agencyName(why.decision.agencyId)} recorded its decision on ${v.versionLabel} (${DECISION_LABEL[why.decision.decision].toLowerCase()}) on ${formatDate(why.decision.at)}. Decisions are permanent; you will be asked again when a new version is issued.`;
  }
}
