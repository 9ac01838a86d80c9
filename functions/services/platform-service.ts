import type { AttentionEverywhereView } from '../../shared/attention/schema.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import type { Membership, PlatformRepository } from '../repositories/platform-repository.js';
import type { AttentionService } from './attention-service.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** What the platform service needs of one partnership's services. */
export interface PartnershipParts {
  users: Pick<UserRepository, 'getUserByEmail'>;
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
   * What needs the person in each partnership they work in, as that partnership's own records have
   * them (their role and agency there), with links that open that partnership's pages.
   */
  async attentionEverywhere(email: string, now: Date): Promise<AttentionEverywhereView> {
    const memberships = await this.membershipsOf(email);
    const partnerships = await Promise.all(
      memberships.map(async (m) => {
        const parts = this.partnership(m.id);
        const record = await parts.users.getUserByEmail(email);
        if (!record) return { id: m.id, name: m.name, items: [] };
        const me = {
          id: record.id,
          email: record.email,
          name: record.name,
          role: record.role,
          agencyId: record.agencyId,
          signatory: record.signatory,
          agencyAdmin: record.agencyAdmin === true,
        };
        const { items } = await parts.attention.forUser(me, now);
        return { id: m.id, name: m.name, items: items.map((i) => ({ ...i, href: `${partnershipPath(m.id)}${i.href}` })) };
      }),
    );
    return { partnerships };
  }
}
