import { api, etagOfVersion, ifMatch, read, readWithEtag, seg } from './client.js';

/** Programme set-up by the lead: reporting periods and workstream milestones. */

type OpenPeriodBody = Parameters<typeof api.api.periods.$post>[0]['json'];
const milestones = api.api.workstreams[':id'].milestones;
type NewMilestone = Parameters<(typeof milestones)['$post']>[0]['json'];
type MilestonePatch = Parameters<(typeof milestones)[':milestoneId']['$patch']>[0]['json'];

export const openPeriod = (json: OpenPeriodBody) => read(api.api.periods.$post({ json }));

export const addMilestone = (workstreamId: string, json: NewMilestone) => read(milestones.$post({ param: { id: seg(workstreamId) }, json }));

/** Changes a milestone, based on the version the lead was shown (412 if someone else saved first). */
export const updateMilestone = (workstreamId: string, milestoneId: string, json: MilestonePatch, version: number) =>
  readWithEtag(milestones[':milestoneId'].$patch({ param: { id: seg(workstreamId), milestoneId: seg(milestoneId) }, json }, ifMatch(etagOfVersion(version))));
