import type { Me } from '../../../../shared/auth/roles.js';
import { cannotSign } from '../../../../shared/threshold/sign-rule.js';
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

/** Why this person cannot record a decision on the version, in words, or null when they can. */
export function whyCannotSign(me: Me, v: ThresholdVersion, agencyName: (id: string) => string | undefined): string | null {
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

/** The SHA-256 in monospace, broken anywhere so it wraps on a phone. */
export function Hash(props: { value: string; id?: string }) {
  return (
    <code class="app-hash" id={props.id}>
      {props.value}
    </code>
  );
}
