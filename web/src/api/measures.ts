import { api, ifMatch, read, readWithEtag, seg, type OkOf } from './client.js';
import { createKeyedResource, invalidate, QUERY } from './queries.js';

/** Outcome measures: the lead's indicators per workstream and the values agencies report against them. */

const indicators = api.api.workstreams[':id'].indicators;
export type Measures = OkOf<typeof api.api.measures.$get>;
export type MeasureWorkstream = Measures['workstreams'][number];
export type IndicatorSeries = MeasureWorkstream['indicators'][number];
export type NewIndicator = Parameters<(typeof indicators)['$post']>[0]['json'];
export type IndicatorPatch = Parameters<(typeof indicators)[':indicatorId']['$patch']>[0]['json'];

/** The measures of one workstream (or all), with values up to `periodId` (or all). */
export const getMeasures = (q: { workstreamId?: string | undefined; periodId?: string | undefined } = {}) =>
  read(
    api.api.measures.$get({
      query: { ...(q.workstreamId ? { workstreamId: q.workstreamId } : {}), ...(q.periodId ? { periodId: q.periodId } : {}) },
    }),
  );

/** The measures through the query cache, for the key the page asks for now (undefined workstream: all). */
export const useMeasures = (key: () => { workstreamId?: string | undefined; periodId?: string | undefined } | false) => createKeyedResource(QUERY.measures, key, getMeasures);

export const addIndicator = (workstreamId: string, json: NewIndicator) => read(indicators.$post({ param: { id: seg(workstreamId) }, json }));

/** Changes an indicator, based on the version the lead was shown (412 if someone else saved first). */
export const updateIndicator = (workstreamId: string, indicatorId: string, json: IndicatorPatch, version: number) =>
  readWithEtag(indicators[':indicatorId'].$patch({ param: { id: seg(workstreamId), indicatorId: seg(indicatorId) }, json }, ifMatch(`"${version}"`)));

export const retireIndicator = (workstreamId: string, indicatorId: string, version: number) =>
  read(indicators[':indicatorId'].retire.$post({ param: { id: seg(workstreamId), indicatorId: seg(indicatorId) } }, ifMatch(`"${version}"`)));

export const restoreIndicator = (workstreamId: string, indicatorId: string, version: number) =>
  read(indicators[':indicatorId'].restore.$post({ param: { id: seg(workstreamId), indicatorId: seg(indicatorId) } }, ifMatch(`"${version}"`)));

/** The small-number threshold; `version` is the one the lead was shown (0: never set). */
export const setSmallNumberThreshold = (smallNumberThreshold: number, version: number) =>
  read(api.api.measures.settings.$put({ json: { smallNumberThreshold } }, ifMatch(`"${version}"`)));

/** Indicators changed: the measures, the returns that report them, the tracker and the audit trail. */
export const measuresChanged = () => invalidate(QUERY.measures, QUERY.return, QUERY.tracker, QUERY.audit);
