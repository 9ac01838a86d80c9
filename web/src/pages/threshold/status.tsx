import { VERSION_STATUS_LABELS, type VersionStatus } from '../../../../shared/threshold/schema.js';
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
