import type { Me } from '../auth/roles.js';
import type { SignOff, ThresholdVersion } from './schema.js';

/*
 * Who may record a decision on a threshold document version: the signatory of a partner agency the
 * version names, once, while it is the current version. The page says why someone cannot (in its
 * own words); the API's sign-off applies the same rule.
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
