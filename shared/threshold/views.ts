import { z } from 'zod';
import { Decision, VERSION_STATUSES } from './schema.js';

/** Threshold document versions as the API answers them. Requests are in schema.ts. */

/** One statutory partner's permanent decision on one version, bound to the content hash. */
export const SignOffView = z
  .object({
    agencyId: z.string(),
    decision: Decision,
    comment: z.string(),
    by: z.string(),
    byName: z.string(),
    at: z.string(),
    sha256: z.string(),
  })
  .meta({ id: 'SignOff' });

/** A version with its status (derived from the decisions) and every decision on it. */
export const ThresholdVersionView = z
  .object({
    id: z.string(),
    title: z.string(),
    versionLabel: z.string(),
    summaryOfChanges: z.string(),
    effectiveFrom: z.string(),
    issuedBy: z.string(),
    issuedAt: z.string(),
    sha256: z.string(),
    contentType: z.enum(['text/markdown', 'application/pdf']),
    size: z.number().int().describe('Bytes of the document (markdown UTF-8 or PDF)'),
    requiredAgencyIds: z.array(z.string()),
    status: z.enum(VERSION_STATUSES),
    signedOffAt: z.string().nullable(),
    decisions: z.array(SignOffView),
  })
  .meta({ id: 'ThresholdVersion' });

/** Which agencies must sign versions issued from now on. */
export const ThresholdConfigView = z
  .object({ requiredAgencyIds: z.array(z.string()), currentVersionId: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'ThresholdConfig' });

/** A markdown version's text with its hash (a PDF version is answered as the PDF itself). */
export const ThresholdContentView = z
  .object({ versionId: z.string(), versionLabel: z.string(), contentType: z.enum(['text/markdown', 'application/pdf']), sha256: z.string(), content: z.string() })
  .meta({ id: 'ThresholdContent' });
