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

/**
 * What belongs to the service rather than to one partnership, in partitions whose keys are not a
 * partnership's: the list of the partnerships it hosts (read to find the partnerships a person
 * works in, never a partnership's data), and its platform administrators (who create partnerships).
 */
export const platformKeys = {
  partnerships: 'PLATFORM#PARTNERSHIPS',
  partnership: (pid: string) => ({ pk: 'PLATFORM#PARTNERSHIPS', sk: pid }),
  /** Every platform administrator in one small partition, by lower-case email: one GetItem per request checks one. */
  admins: 'PLATFORM#ADMINS',
  admin: (email: string) => ({ pk: 'PLATFORM#ADMINS', sk: email.toLowerCase() }),
  /**
   * A person's sign-in credential (local sign-in): one per email for the whole service, whichever
   * partnerships they work in, each in its own partition (read only when they sign in or set a password).
   */
  credential: (email: string) => ({ pk: `PLATFORM#ACCOUNT#${email.toLowerCase()}`, sk: 'CREDENTIAL' }),
  /**
   * Where the audit trail keeps what happens outside any partnership (an administrator signing in):
   * written in the place of a partnership id in {@link auditKeys}, so `P#PLATFORM#AUDIT#...`. Upper
   * case, so no partnership's id (a lower-case slug) can ever be the same.
   */
  auditScope: 'PLATFORM',
};

export const userKeys = {
  user: (pid: string, email: string) => ({ pk: `P#${pid}#USER#${email.toLowerCase()}`, sk: 'USER' }),
  /** A person's id to their email (the record's key): pages address people by id, never by email. */
  byId: (pid: string, id: string) => ({ pk: `P#${pid}#USERID#${id}`, sk: 'USERID' }),
  /** GSI: all users of a partnership, by role then email. */
  byPartnership: (pid: string, role: string, email: string) => ({ gsi1pk: `P#${pid}#USERS`, gsi1sk: `${role}#${email.toLowerCase()}` }),
};

export const auditKeys = {
  entity: (pid: string, entityType: string, entityId: string) => `P#${pid}#AUDIT#${entityType}#${entityId}`,
  actor: (pid: string, userId: string) => `P#${pid}#ACTOR#${userId}`,
  /**
   * GSI2: every event of the partnership in one partition per calendar month (UTC, from the event's
   * time), sorted by time. A month bounds a partition's size and spreads writes over time, where one
   * partition for the whole partnership would grow for ever; "recent events" walks months back.
   */
  month: (pid: string, yyyyMm: string) => `P#${pid}#AUDIT-MONTH#${yyyyMm}`,
  /** Sort key of an event in every index: its time, then its id (two events in one millisecond stay apart). */
  eventSort: (at: string, eventId: string) => `${at}#${eventId}`,
};

export const periodKeys = {
  /** Periods live in the partnership partition: one Query reads configuration and periods together. */
  period: (pid: string, periodId: string) => ({ pk: partnershipPk(pid), sk: `PERIOD#${periodId}` }),
};

export const milestoneKeys = {
  milestone: (pid: string, workstreamId: string, milestoneId: string) => ({ pk: partnershipPk(pid), sk: `MILESTONE#${workstreamId}#${milestoneId}` }),
};

export const returnKeys = {
  /** Return headers of one period share a partition: the period's list is one Query. */
  header: (pid: string, periodId: string, agencyId: string) => ({ pk: `P#${pid}#PERIOD#${periodId}`, sk: `RETURN#${agencyId}` }),
  periodPartition: (pid: string, periodId: string) => `P#${pid}#PERIOD#${periodId}`,
  /**
   * GSI: every return header of the partnership, by agency then period. One Query reads an
   * agency's history (carry-forward); one paged Query reads all headers (the tracker's trend).
   */
  byPartnership: (pid: string, periodId: string, agencyId: string) => ({ gsi1pk: `P#${pid}#RETURNS`, gsi1sk: `${agencyId}#${periodId}` }),
  allHeaders: (pid: string) => `P#${pid}#RETURNS`,
  /** GSI: every section of one period, across agencies (risks and escalations for the tracker). */
  sectionsOfPeriod: (pid: string, periodId: string, agencyId: string, workstreamId: string) => ({
    gsi1pk: `P#${pid}#PERIOD-SECTIONS#${periodId}`,
    gsi1sk: `${agencyId}#${workstreamId}`,
  }),
  sectionsOfPeriodPartition: (pid: string, periodId: string) => `P#${pid}#PERIOD-SECTIONS#${periodId}`,
  /** Sections are separate items (each can be large); one Query reads a return's sections. */
  sectionPartition: (pid: string, periodId: string, agencyId: string) => `P#${pid}#RETURN#${periodId}#${agencyId}`,
  section: (pid: string, periodId: string, agencyId: string, workstreamId: string) => ({
    pk: `P#${pid}#RETURN#${periodId}#${agencyId}`,
    sk: `SECTION#${workstreamId}`,
  }),
};

export const thresholdKeys = {
  /** Versions and their decisions share one partition: one Query reads the whole record. */
  partition: (pid: string) => `P#${pid}#THRESHOLD`,
  config: (pid: string) => ({ pk: `P#${pid}#THRESHOLD`, sk: 'CONFIG' }),
  version: (pid: string, versionId: string) => ({ pk: `P#${pid}#THRESHOLD`, sk: `VERSION#${versionId}` }),
  decision: (pid: string, versionId: string, agencyId: string) => ({ pk: `P#${pid}#THRESHOLD`, sk: `VERSION#${versionId}#DECISION#${agencyId}` }),
  /** Content is kept apart so listing versions never reads documents. */
  content: (pid: string, versionId: string) => ({ pk: `P#${pid}#THRESHOLD-CONTENT`, sk: `VERSION#${versionId}` }),
};

/** Yearly reports: few (one a year), each one item holding its sections; one partition lists them. */
export const reportKeys = {
  partition: (pid: string) => `P#${pid}#REPORTS`,
  report: (pid: string, reportId: string) => ({ pk: `P#${pid}#REPORTS`, sk: `REPORT#${reportId}` }),
};

export const kinshipKeys = {
  /** Every item of the offer in one partition: the register, coverage and public page are one Query each. */
  partition: (pid: string) => `P#${pid}#KINSHIP`,
  item: (pid: string, itemId: string) => ({ pk: `P#${pid}#KINSHIP`, sk: `ITEM#${itemId}` }),
  /** Published revisions are kept, so the history of what families were told survives. */
  revision: (pid: string, itemId: string, revision: number) => ({ pk: `P#${pid}#KINSHIP-REVISIONS#${itemId}`, sk: `REV#${String(revision).padStart(5, '0')}` }),
};

export const readinessKeys = {
  /** A workstream's criteria and assessments share a partition: its matrix is one Query. */
  partition: (pid: string, workstreamId: string) => `P#${pid}#READINESS#${workstreamId}`,
  criterion: (pid: string, workstreamId: string, criterionId: string) => ({ pk: `P#${pid}#READINESS#${workstreamId}`, sk: `CRITERION#${criterionId}` }),
  assessment: (pid: string, workstreamId: string, criterionId: string, agencyId: string) => ({
    pk: `P#${pid}#READINESS#${workstreamId}`,
    sk: `ASSESSMENT#${criterionId}#${agencyId}`,
  }),
  /** GSI: every criterion by id (finds a criterion's workstream) and, in one paged Query, all of them. */
  criterionIndex: (pid: string, criterionId: string) => ({ gsi1pk: `P#${pid}#CRITERIA`, gsi1sk: criterionId }),
  allCriteria: (pid: string) => `P#${pid}#CRITERIA`,
  /** GSI: every assessment of the partnership (the tracker's readiness in one paged Query). */
  assessmentIndex: (pid: string, workstreamId: string, criterionId: string, agencyId: string) => ({
    gsi1pk: `P#${pid}#ASSESSMENTS`,
    gsi1sk: `${workstreamId}#${criterionId}#${agencyId}`,
  }),
  allAssessments: (pid: string) => `P#${pid}#ASSESSMENTS`,
};

export const trackerKeys = {
  /** The lead's overall confidence lives in the partnership partition, read with the configuration. */
  overall: (pid: string, periodId: string, workstreamId: string) => ({ pk: partnershipPk(pid), sk: `OVERALL#${periodId}#${workstreamId}` }),
  /**
   * The tracker's read model (issue 16): the count of changes to what the tracker shows, raised in
   * the transaction of each such change, and the tracker as last worked out, per audience (lead or
   * executive) and period, each stamped with the count it was worked out at. One BatchGetItem reads
   * a view with the count, and the view is served only while the two agree (and it is the same UK day).
   */
  epoch: (pid: string) => ({ pk: `P#${pid}#TRACKER`, sk: 'EPOCH' }),
  /** `periodId` null: the current period (what the tracker opens on). */
  view: (pid: string, audience: string, periodId: string | null) => ({ pk: `P#${pid}#TRACKER`, sk: `VIEW#${audience}#${periodId ?? 'CURRENT'}` }),
};

export const measureKeys = {
  /**
   * Outcome measures: the lead's indicators and the values agencies report, one partition per
   * partnership. Definitions sort before values, each by workstream: one Query reads every
   * indicator (`DEF#`), a workstream's (`DEF#<ws>#`) or its values over every quarter
   * (`VAL#<ws>#`); the tracker reads the whole partition in one paged Query.
   */
  partition: (pid: string) => `P#${pid}#MEASURES`,
  indicator: (pid: string, workstreamId: string, indicatorId: string) => ({ pk: `P#${pid}#MEASURES`, sk: `DEF#${workstreamId}#${indicatorId}` }),
  /** One agency's values for one workstream in one period (mirrors its return section, with the return's status). */
  values: (pid: string, workstreamId: string, periodId: string, agencyId: string) => ({ pk: `P#${pid}#MEASURES`, sk: `VAL#${workstreamId}#${periodId}#${agencyId}` }),
  definitionsPrefix: (workstreamId?: string) => (workstreamId ? `DEF#${workstreamId}#` : 'DEF#'),
  valuesPrefix: (workstreamId?: string) => (workstreamId ? `VAL#${workstreamId}#` : 'VAL#'),
  /** The small-number threshold lives with the configuration: read with it, in the same Query. */
  settings: (pid: string) => ({ pk: partnershipPk(pid), sk: 'MEASURE-SETTINGS' }),
};

export const notificationKeys = {
  /**
   * One item per (event, person): the ledger that makes every notification go out once, however
   * often or concurrently the job runs (a conditional write claims it before the email is sent).
   */
  sent: (pid: string, eventKey: string, userId: string) => ({ pk: `P#${pid}#NOTIFY#${eventKey}`, sk: `TO#${userId}` }),
};

export const chaseKeys = {
  /**
   * The last chase of an outstanding item (a return, a sign-off), one partition per partnership
   * sorted by what was chased: one Query reads a period's or a version's chases.
   */
  chase: (pid: string, what: string) => ({ pk: `P#${pid}#CHASES`, sk: what }),
  partition: (pid: string) => `P#${pid}#CHASES`,
  /**
   * When the daily job last reminded the people of an outstanding item, one partition per period or
   * version. Under the notification prefix, so the job's narrow write permission covers it.
   */
  reminded: (pid: string, kind: string, of: string, agencyId: string) => ({ pk: `P#${pid}#NOTIFY#REMINDED#${kind}#${of}`, sk: agencyId }),
  remindedPartition: (pid: string, kind: string, of: string) => `P#${pid}#NOTIFY#REMINDED#${kind}#${of}`,
};

export const outboxKeys = {
  /** Notifications waiting to be sent, oldest first, in one partition per partnership (it stays small: entries go once sent). */
  entry: (pid: string, at: string, eventId: string) => ({ pk: `P#${pid}#OUTBOX`, sk: `${at}#${eventId}` }),
  partition: (pid: string) => `P#${pid}#OUTBOX`,
};

export const mailStopKeys = {
  /** Addresses mail must no longer go to (a hard bounce or a complaint), one partition per partnership by address. */
  entry: (pid: string, email: string) => ({ pk: `P#${pid}#MAILSTOP`, sk: email.toLowerCase() }),
  partition: (pid: string) => `P#${pid}#MAILSTOP`,
};

export const preferenceKeys = {
  /** Each person's email choices, one partition per partnership: one Query reads everyone's. */
  person: (pid: string, userId: string) => ({ pk: `P#${pid}#PREFS`, sk: userId }),
  partition: (pid: string) => `P#${pid}#PREFS`,
};

export const digestKeys = {
  /** Notifications waiting for someone's weekly summary, by person then time: one Query reads the week's. */
  entry: (pid: string, userId: string, at: string, eventId: string) => ({ pk: `P#${pid}#DIGEST`, sk: `${userId}#${at}#${eventId}` }),
  partition: (pid: string) => `P#${pid}#DIGEST`,
};
