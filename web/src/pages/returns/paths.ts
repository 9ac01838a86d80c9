/** Addresses of the returns pages, so links and redirects agree. */

export const ourReturnPath = (periodId: string) => `/our-return/${periodId}`;

/** Where a signatory checks and certifies the agency's return (emails and reminders link here too). */
export const certifyPath = (periodId: string) => `/our-return/${periodId}/certify`;

/** The confirmation after a signatory certifies the return. */
export const certifiedPath = (periodId: string) => `/our-return/${periodId}/certified`;

/** A section of the partner's return; `focus` is the field to move to (a Change link, an error). */
export const sectionPath = (periodId: string, workstreamId: string, focus?: string) =>
  `/our-return/${periodId}/section/${workstreamId}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`;

/** One agency's return, for the lead and executives. */
export const returnPath = (periodId: string, agencyId: string) => `/returns/${periodId}/${agencyId}`;

export const returnsListPath = (periodId?: string) => (periodId ? `/returns/${periodId}` : '/returns');

/** Where a partner starts a section from their agency's answer in another partnership. */
export const startFromPath = (periodId: string, workstreamId: string) => `/our-return/${periodId}/section/${workstreamId}/start-from`;
