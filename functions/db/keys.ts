/**
 * Key builders for partnership-wide items. Each aggregate keeps its own keys file; every key starts
 * with the partnership prefix so one deployment can host several partnerships.
 */
export const partnershipPk = (pid: string) => `P#${pid}`;

export const partnershipKeys = {
  /** The partnership record, its agencies and workstreams share one partition: one Query reads them all. */
  partnership: (pid: string) => ({ pk: partnershipPk(pid), sk: 'PARTNERSHIP' }),
  agency: (pid: string, agencyId: string) => ({ pk: partnershipPk(pid), sk: `AGENCY#${agencyId}` }),
  workstream: (pid: string, workstreamId: string) => ({ pk: partnershipPk(pid), sk: `WORKSTREAM#${workstreamId}` }),
};

export const userKeys = {
  user: (pid: string, email: string) => ({ pk: `P#${pid}#USER#${email.toLowerCase()}`, sk: 'USER' }),
  /** GSI: all users of a partnership, by role then email. */
  byPartnership: (pid: string, role: string, email: string) => ({ gsi1pk: `P#${pid}#USERS`, gsi1sk: `${role}#${email.toLowerCase()}` }),
};

export const auditKeys = {
  entity: (pid: string, entityType: string, entityId: string) => `P#${pid}#AUDIT#${entityType}#${entityId}`,
  actor: (pid: string, userId: string) => `P#${pid}#ACTOR#${userId}`,
};
