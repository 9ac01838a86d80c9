import type { Me } from '../../../../shared/auth/roles.js';
import { VERSION_STATUS_LABELS, type Decision, type ThresholdVersion, type VersionStatus } from '../../../../shared/threshold/schema.js';
import { formatDate } from '../../components/format.js';
import { StatusTag as KitStatusTag, type TagColour } from '../../components/tag.js';

const STATUS_COLOURS: Record<VersionStatus, TagColour> = {
  'awaiting-sign-off': 'blue',
  'changes-requested': 'yellow',
  'signed-off': 'green',
  superseded: 'grey',
};

export function StatusTag(props: { status: VersionStatus }) {
  return <KitStatusTag status={props.status} labels={VERSION_STATUS_LABELS} colours={STATUS_COLOURS} />;
}

export const DECISION_LABEL: Record<Decision, string> = { approve: 'Approved', 'request-changes': 'Changes requested' };

/** Why this person cannot record a decision on the version, or null when they can. */
export function whyCannotSign(me: Me, v: ThresholdVersion, agencyName: (id: string) => string | undefined): string | null {
  if (me.role === 'lead')
    return 'The programme lead issues threshold document versions. Only the signatories of the statutory safeguarding partners approve them or request changes.';
  if (me.role === 'executive') return 'Partnership executive members follow sign-off here, but do not sign the threshold document.';
  if (!me.signatory)
    return "Only your agency's signatory (its accountable officer or their delegate) can approve the threshold document or request changes. Your account is not a signatory.";
  if (!me.agencyId || !v.requiredAgencyIds.includes(me.agencyId))
    return `${agencyName(me.agencyId ?? '') ?? 'Your agency'} is not one of the partners that sign the threshold document.`;
  if (v.status === 'superseded') return 'This version has been superseded by a newer one.';
  const mine = v.decisions.find((d) => d.agencyId === me.agencyId);
  if (mine)
    return `${agencyName(mine.agencyId)} recorded its decision on ${v.versionLabel} (${DECISION_LABEL[mine.decision].toLowerCase()}) on ${formatDate(mine.at)}. Decisions are permanent; you will be asked again when a new version is issued.`;
  return null;
}

/** The SHA-256 in monospace, broken anywhere so it wraps on a phone. */
export function Hash(props: { value: string; id?: string }) {
  return (
    <code class="app-hash" id={props.id}>
      {props.value}
    </code>
  );
}
