import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instantiateTemplate, type PartnershipConfiguration, type TemplateChoices } from '../../shared/partnership/template.js';
import { loadSeed, SeedFile } from './seed.js';
import { DEFAULT_TEMPLATE_ID, loadTemplate, templateCatalogue } from './templates.js';

const readJson = <T>(path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

interface SeedCriterion {
  id: string;
  workstreamId: string;
  agencyIds: string[];
  targetDate: string | null;
  derivedFrom: string | null;
}

function instantiate(choices: TemplateChoices): PartnershipConfiguration {
  const result = instantiateTemplate(loadTemplate(), choices);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const medway = loadSeed('mscp');
const fromTemplate = instantiate({
  id: medway.partnership.id,
  name: medway.partnership.name,
  shortName: medway.partnership.shortName,
  agencies: medway.agencies,
  firstYear: 2026,
  settings: { certifyReturns: true },
});

describe('the Families First Partnership (England) template', () => {
  it('when the file is loaded, it is a valid template with five workstreams and MACPT and Family Help criteria', () => {
    const template = loadTemplate(DEFAULT_TEMPLATE_ID);
    expect(template.name).toBe('Families First Partnership (England)');
    expect(template.workstreams.map((w) => w.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers']);
    expect(new Set(template.readinessCriteria.map((c) => c.workstreamId))).toEqual(new Set(['family-help', 'safeguarding']));
    expect(template.readinessCriteria.filter((c) => c.id.startsWith('macpt-'))).toHaveLength(11);
    expect(template.workstreams.filter((w) => w.macpt).map((w) => w.id)).toEqual(['safeguarding']);
  });

  it('when its words are read, none names Medway: it is for any partnership', () => {
    const { $comment: _note, ...template } = loadTemplate();
    expect(JSON.stringify(template)).not.toMatch(/medway/i);
  });

  it('when the API lists templates, every file in the templates folder is there, as loaded from disk', () => {
    const files = readdirSync(new URL('./templates/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    expect(
      templateCatalogue
        .list()
        .map((t) => t.id)
        .sort(),
    ).toEqual(files);
    for (const id of files) expect(templateCatalogue.get(id)).toEqual(loadTemplate(id));
    expect(templateCatalogue.get('no-such-template')).toBeNull();
  });

  it('when an id is not a slug or names no template, loading fails loudly', () => {
    expect(() => loadTemplate('../data/mscp')).toThrow();
    expect(() => loadTemplate('no-such-template')).toThrow(/ENOENT/);
  });

  it("when instantiated with Medway's four agencies, it reproduces the demo's workstreams: ids, names, order, lead and contributors", () => {
    const strip = (w: { description: string }) => ({ ...w, description: undefined });
    expect(fromTemplate.workstreams.map(strip)).toEqual(medway.workstreams.map(strip));
  });

  it("when instantiated with Medway's agencies, its criteria are the demo's MACPT and Family Help criteria, for the same agencies and dates", () => {
    const demo = readJson<{ criteria: SeedCriterion[] }>('./data/mscp/readiness.json').criteria.filter((c) => ['family-help', 'safeguarding'].includes(c.workstreamId));
    const made = new Map(fromTemplate.readiness.criteria.map((c) => [c.id, c]));
    expect([...made.keys()].sort()).toEqual(demo.map((c) => c.id).sort());
    for (const c of demo) {
      expect(made.get(c.id)).toMatchObject({ workstreamId: c.workstreamId, agencyIds: c.agencyIds, derivedFrom: c.derivedFrom });
      // The demo's threshold criterion is due on 1 April; a template counts whole months.
      if (!c.derivedFrom) expect(made.get(c.id)?.targetDate).toBe(c.targetDate);
    }
    expect(fromTemplate.omittedCriterionIds).toEqual([]);
  });

  it("when instantiated with Medway's agencies, its signatories and due dates are the demo's", () => {
    expect(fromTemplate.threshold.requiredAgencyIds).toEqual(readJson<{ requiredAgencyIds: string[] }>('./data/mscp/threshold.json').requiredAgencyIds);
    const demoPeriods = readJson<{ id: string; dueDate: string }[]>('./data/mscp/periods.json');
    for (const p of demoPeriods) expect(fromTemplate.periods.find((q) => q.id === p.id)?.dueDate).toBe(p.dueDate);
    expect(fromTemplate.partnership).toMatchObject(medway.partnership);
  });

  it('when its configuration is put in a seed file, the seed file schema accepts it', () => {
    const { partnership, agencies, workstreams } = fromTemplate;
    expect(() => SeedFile.parse({ partnership, agencies, workstreams, users: [] })).not.toThrow();
  });

  it("when instantiated with Kent's agencies, the shared police and NHS agencies keep their ids", () => {
    const kent = loadSeed('kscmp');
    const config = instantiate({ id: 'kent-test', name: kent.partnership.name, shortName: kent.partnership.shortName, agencies: kent.agencies, firstYear: 2026 });
    expect(config.workstreams.find((w) => w.id === 'safeguarding')?.contributingAgencyIds).toEqual(['kent-county-council', 'kent-police', 'nhs-kent-medway', 'kent-education']);
    expect(config.workstreams.filter((w) => w.macpt).map((w) => w.id)).toEqual(['safeguarding']);
    expect(config.threshold.requiredAgencyIds).toEqual(['kent-county-council', 'kent-police', 'nhs-kent-medway']);
    expect(config.partnership.certifyReturns).toBe(false);
  });
});
