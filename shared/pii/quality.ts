/**
 * How well the personal-data detector does on generated identifiers and on real-looking programme
 * text: recall per kind over N generated variants (the same generators as the property tests, with
 * a fixed seed, so the figures are repeatable) and false positives over the programme-sentence
 * table.
 *
 * Run: `npm run pii:quality` (or `npx tsx shared/pii/quality.ts [variantsPerKind] [seed]`).
 */
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { detectPersonalData } from './detect.js';
import {
  GENERATED_KINDS,
  GENERATED_NOW,
  orderReferenceSentence,
  unlabelledMixedNhsVariant,
  unlabelledMixedNiVariant,
  variantOf,
  type GeneratedKind,
  type Variant,
} from './generators.js';
import { PROGRAMME_SENTENCES, PROGRAMME_SENTENCES_NOW } from './programme-sentences.js';

export const DEFAULT_VARIANTS_PER_KIND = 1000;
export const DEFAULT_SEED = 20_261_122;

export interface QualityReport {
  seed: number;
  recall: Record<GeneratedKind, { found: number; total: number; misses: string[] }>;
  falsePositives: { flagged: number; total: number; sentences: string[] };
  /** Ten-digit reference numbers with a wrong check digit that were reported as NHS numbers. */
  wrongCheckDigit: { flagged: number; total: number };
  /**
   * Outside the design, not counted in recall: unlabelled NHS and NI numbers with any mix of
   * separators, which are deliberately flagged only after a label. Shows what that choice costs.
   */
  unlabelledMixed: { nhs: { found: number; total: number }; ni: { found: number; total: number } };
}

/** Whether the detector reports the variant's identifier as its kind (a finding of that kind overlapping it). */
export function detects(v: Variant, now = GENERATED_NOW): boolean {
  return detectPersonalData(v.text, { now }).some((f) => f.kind === v.kind && f.start < v.end && v.start < f.end);
}

export function measureQuality({ variantsPerKind = DEFAULT_VARIANTS_PER_KIND, seed = DEFAULT_SEED } = {}): QualityReport {
  const recall = {} as QualityReport['recall'];
  for (const kind of GENERATED_KINDS) {
    const variants = fc.sample(variantOf(kind), { seed, numRuns: variantsPerKind });
    const misses = variants.filter((v) => !detects(v)).map((v) => v.text);
    recall[kind] = { found: variants.length - misses.length, total: variants.length, misses };
  }
  const flaggedSentences = PROGRAMME_SENTENCES.filter((s) => detectPersonalData(s, { now: PROGRAMME_SENTENCES_NOW }).length > 0);
  const references = fc.sample(orderReferenceSentence, { seed, numRuns: variantsPerKind });
  const wrongFlagged = references.filter((s) => detectPersonalData(s, { now: GENERATED_NOW }).some((f) => f.kind === 'nhs-number')).length;
  const share = (variants: Variant[]) => ({ found: variants.filter((v) => detects(v)).length, total: variants.length });
  const unlabelledMixed = {
    nhs: share(fc.sample(unlabelledMixedNhsVariant, { seed, numRuns: variantsPerKind })),
    ni: share(fc.sample(unlabelledMixedNiVariant, { seed, numRuns: variantsPerKind })),
  };
  return {
    seed,
    unlabelledMixed,
    recall,
    falsePositives: { flagged: flaggedSentences.length, total: PROGRAMME_SENTENCES.length, sentences: flaggedSentences },
    wrongCheckDigit: { flagged: wrongFlagged, total: references.length },
  };
}

/** One line per figure, e.g. "recall nhs-number 1000/1000". */
export function formatReport(r: QualityReport): string {
  const lines = [`seed ${r.seed}`];
  for (const [kind, { found, total }] of Object.entries(r.recall)) lines.push(`recall ${kind} ${found}/${total}`);
  lines.push(`false positives ${r.falsePositives.flagged}/${r.falsePositives.total} programme sentences`);
  lines.push(`wrong-check-digit references reported as NHS numbers ${r.wrongCheckDigit.flagged}/${r.wrongCheckDigit.total}`);
  lines.push(
    `outside the design (unlabelled, any grouping, mixed separators): nhs-number ${r.unlabelledMixed.nhs.found}/${r.unlabelledMixed.nhs.total}, ni-number ${r.unlabelledMixed.ni.found}/${r.unlabelledMixed.ni.total}`,
  );
  const examples = [
    ...Object.entries(r.recall).flatMap(([kind, { misses }]) => misses.slice(0, 5).map((m) => `  missed ${kind}: ${JSON.stringify(m)}`)),
    ...r.falsePositives.sentences.map((s) => `  flagged: ${JSON.stringify(s)}`),
  ];
  return [...lines, ...examples].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [perKind, seed] = process.argv.slice(2).map(Number);
  console.log(formatReport(measureQuality({ variantsPerKind: perKind || DEFAULT_VARIANTS_PER_KIND, seed: seed || DEFAULT_SEED })));
}
