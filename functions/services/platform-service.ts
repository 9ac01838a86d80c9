import type { AttentionEverywhereView } from '../../shared/attention/schema.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import type { Membership, PlatformRepository } from '../repositories/platform-repository.js';
import type { AttentionService } from './attention-service.js';

/** What the platform service needs of one partnership's services. */
export interface PartnershipParts {
  attention: Pick<AttentionService, 'forUser'>;
}

/** What the service knows across its partnerships: which of them a person works in, and what needs them in each. */
export class PlatformService {
  constructor(
    private readonly platform: PlatformRepository,
    private readonly partnership: (pid: string) => PartnershipParts,
  ) {}

  /** The partnerships where `email` is active: the list a person switches between after one sign-in. */
  membershipsOf(email: string): Promise<Membership[]> {
    return this.platform.membershipsOf(email);
  }

  /**
   * What needs the person in each partnership they work in but `except` (the one their page shows
   * already), as each partnership's own records have them, with links that open its pages. One read
   * finds the partnerships and the person in each; then each partnership's list costs what its own
   * page's does.
   */
  async attentionEverywhere(email: string, now: Date, except: string): Promise<AttentionEverywhereView> {
    const records = (await this.platform.memberRecordsOf(email)).filter((m) => m.id !== except);
    const partnerships = await Promise.all(
      records.map(async (m) => {
        const { items } = await this.partnership(m.id).attention.forUser(m.person, now);
        return { id: m.id, name: m.name, items: items.map((i) => ({ ...i, href: `${partnershipPath(m.id)}${i.href}` })) };
      }),
    );
    return { partnerships };
  }
}
