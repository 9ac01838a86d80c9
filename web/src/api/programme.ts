import { api, etagOfVersion, ifMatch, read, readWithEtag, seg } from './client.js';
import { invalidate, QUERY, queryClient } from './queries.js';

/** Programme set-up by the lead: reporting periods and workstream milestones. */

type OpenPeriodBody = Parameters<typeof api.api.periods.$post>[0]['json'];
const milestones = api.api.workstreams[':id'].milestones;
type NewMilestone = Parameters<(typeof milestones)['$post']>[0]['json'];
type MilestonePatch = Parameters<(typeof milestones)[':milestoneId']['$patch']>[0]['json'];

export const openPeriod = (json: OpenPeriodBody) => read(api.api.periods.$post({ json }));

export const addMilestone = (workstreamId: string, json: NewMilestone) => read(milestones.$post({ param: { id: seg(workstreamId) }, json }));

/**
 * Changes a milestone, based on the version the lead was shown (412 if someone else saved first).
 * The saved milestone replaces the cached one at once, so a next change is based on it.
 */
export const updateMilestone = async (workstreamId: string, milestoneId: string, json: MilestonePatch, version: number) => {
  const saved = await readWithEtag(milestones[':milestoneId'].$patch({ param: { id: seg(workstreamId), milestoneId: seg(milestoneId) }, json }, ifMatch(etagOfVersion(version))));
  type Workstream = { id: string; milestones: { id: string }[] };
  queryClient.setQueriesData<Workstream[]>({ queryKey: [QUERY.workstreams] }, (list) =>
    list?.map((w) => (w.id === workstreamId ? { ...w, milestones: w.milestones.map((m) => (m.id === milestoneId ? saved.data : m)) } : w)),
  );
  return saved;
};

/** A new period changes the periods everywhere, the returns to draft, the tracker and the audit trail. */
export const periodOpened = () => invalidate(QUERY.periods, QUERY.returns, QUERY.tracker, QUERY.audit);

/** A milestone changed: the list of milestones, the returns that report on it, the tracker and the audit trail. */
export const milestonesChanged = () => invalidate(QUERY.workstreams, QUERY.return, QUERY.tracker, QUERY.audit);
