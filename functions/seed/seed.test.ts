import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { kinshipSeedItems } from './seed-kinship.js';
import { demoSeedNames, loadSeed, parseSeed } from './seed.js';

/** What the demo seed files say in data, not code: which workstream sets up the MACPTs, who keeps each Kinship Local Offer item. */

const raw = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}.json`, import.meta.url), 'utf8')) as { workstreams: Record<string, unknown>[] };
// Only the items are built here: nothing is sent.
const noDatabase = {} as DynamoDBDocumentClient;

describe('the demo seed files', () => {
  it('when each is loaded, one workstream is marked as setting up the MACPTs, whatever its id', () => {
    expect(demoSeedNames()).toEqual(['kscmp', 'mscp']);
    const marked = (name: string) => loadSeed(name).workstreams.filter((w) => w.macpt === true);
    expect(marked('mscp').map((w) => w.id)).toEqual(['safeguarding']);
    expect(marked('kscmp').map((w) => [w.id, w.name])).toEqual([['multi-agency-child-protection', 'Multi-agency child protection']]);
  });

  it('when a seed file marks a second MACPT workstream, loading it fails and names it', () => {
    const kent = raw('kscmp');
    kent.workstreams = kent.workstreams.map((w) => (w.id === 'family-help-kent' ? { ...w, macpt: true } : w));
    expect(() => parseSeed(kent)).toThrow(/family-help-kent|multi-agency-child-protection/);
  });

  it('when Kinship Local Offer items are seeded, each belongs to its provider agency, or to the agency the file names for a charity’s item', () => {
    const medway = loadSeed('mscp');
    const items = kinshipSeedItems(
      noDatabase,
      'table',
      'mscp',
      new URL('./data/mscp/', import.meta.url),
      medway.agencies.map((a) => a.id),
    ).filter((i) => i.entity === 'KinshipItem');
    const ownerOf = (id: string) => items.find((i) => i.id === id)?.ownerAgencyId;
    expect(ownerOf('virtual-school-kinship')).toBe('medway-education');
    expect(ownerOf('therapeutic-support-nhs')).toBe('nhs-kent-medway');
    expect(ownerOf('kinship-advice-line')).toBe('medway-council');
    expect(ownerOf('medway-support-groups')).toBe('medway-council');
  });

  it('when a charity’s item names nobody to keep it, or an agency not in the partnership, the seed fails and names the item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinship-seed-'));
    try {
      const items = JSON.parse(readFileSync(new URL('./data/mscp/kinship-items.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
      const charity = items.find((i) => i.id === 'kinship-advice-line')!;
      const build = (item: Record<string, unknown>) => {
        writeFileSync(join(dir, 'kinship-items.json'), JSON.stringify([item]));
        return () => kinshipSeedItems(noDatabase, 'table', 'mscp', pathToFileURL(`${dir}/`), ['medway-council']);
      };
      const { ownerAgencyId: _owner, ...unowned } = charity;
      expect(build(unowned)).toThrow(/kinship-advice-line/);
      expect(build({ ...charity, ownerAgencyId: 'kent-county-council' })).toThrow(/kinship-advice-line/);
      expect(build(charity)()).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
