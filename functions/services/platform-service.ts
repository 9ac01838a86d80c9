import type { Membership, PlatformRepository } from '../repositories/platform-repository.js';

/** What the service knows across its partnerships: which of them a person works in. */
export class PlatformService {
  constructor(private readonly platform: PlatformRepository) {}

  /** The partnerships where `email` is active: the list a person switches between after one sign-in. */
  membershipsOf(email: string): Promise<Membership[]> {
    return this.platform.membershipsOf(email);
  }
}
