import type { PageFailure } from '../../components/loaded.js';

/** What a measures page says when the measures could not be loaded (or the workstream is not there). */
export const measuresFailed: PageFailure = {
  notFoundTitle: 'Workstream not found',
  fallback: 'The outcome measures could not be loaded.',
  back: { href: '/measures', text: 'All outcome measures' },
};
