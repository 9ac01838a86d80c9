/**
 * Family Help readiness criteria, as many as asked: enough of them make a partnership's configuration
 * too large for one DynamoDB transaction, so creating it is written in parts, then goes live.
 */
export function manyReadinessCriteria(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `fh-criterion-${i + 1}`,
    workstreamId: 'family-help',
    title: `Family Help criterion ${i + 1}`,
    description: 'A criterion of a large template.',
    evidenceExpected: 'A note.',
    agencyTypes: ['local-authority'],
    targetMonth: 12,
    derivedFrom: null,
  }));
}
