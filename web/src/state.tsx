import { createContext, createSignal, useContext, type JSX } from 'solid-js';
import { getConfig, getMe, getPartnership, type Me, type PartnershipData, type PortalConfig } from './api/endpoints.js';
import { getPlatformAdmin, type PlatformAdmin } from './api/platform.js';
import { sessionStarted } from './api/client.js';
import { clearCache, createApiQuery, createKeyedResource, QUERY, type KeyedResource } from './api/queries.js';
import { clearSession, forgetFlash, getSession, saveSession, type Session } from './api/session.js';

export interface AppState {
  config: KeyedResource<PortalConfig>;
  /** The signed-in user; undefined while signed out or loading (and always on platform pages, or for a platform administrator). */
  me: KeyedResource<Me>;
  partnership: KeyedResource<PartnershipData>;
  /** The signed-in platform administrator, on platform pages (or anywhere, for a platform administrator's session); a 403 for anyone else. */
  platformAdmin: KeyedResource<PlatformAdmin>;
  /** The pages are platform administration's (`/platform...`), outside every partnership. */
  platform: boolean;
  /** The session is a platform administrator's, who works in no partnership. */
  platformAdminSession: () => boolean;
  signedIn: () => boolean;
  signIn(session: Session): void;
  /**
   * Keeps a new session for the page about to load (a whole page load follows), without this
   * page starting to use it: a platform administrator leaving a partnership's sign-in page.
   */
  keepSession(session: Session): void;
  /** `deliberate`: the user pressed "Sign out", so nothing should offer to bring them back here. */
  signOut(opts?: { deliberate?: boolean }): void;
  signedOutDeliberately: () => boolean;
  /**
   * The partnership's agencies in use, in its order: what choices offer. Retired ones are in
   * `partnership()` (their names still show through `agencyName`). None until it has loaded.
   */
  agencies(): PartnershipData['agencies'];
  /** The display name of an agency id, falling back to the id while data loads. */
  agencyName(id: string | null | undefined): string | undefined;
  /** What the header names the pages after: the partnership, or "Platform administration" on platform pages. */
  partnershipName(): string | undefined;
}

const AppContext = createContext<AppState>();

/**
 * App-wide data, fetched once through the cache: config (public), the user and the partnership
 * (both keyed on the session token, so signing in or out refetches or drops them).
 */
export function AppProvider(props: { children: JSX.Element; platform?: boolean | undefined }) {
  const [token, setToken] = createSignal<string | null>(getSession()?.token ?? null);
  const [admin, setAdmin] = createSignal(getSession()?.platformAdmin === true);
  const [deliberate, setDeliberate] = createSignal(false);
  const platform = props.platform === true;
  // Config never changes while the page is open.
  const [config] = createApiQuery(QUERY.config, getConfig);
  // A partnership's member and data: never asked on platform pages, nor for a platform
  // administrator (no partnership has them: it would end their session).
  const member = () => (platform || admin() ? null : token());
  const [me] = createKeyedResource(QUERY.me, member, () => getMe());
  const [partnership] = createKeyedResource(QUERY.partnership, member, () => getPartnership());
  const [platformAdmin] = createKeyedResource(
    QUERY.platformAdmin,
    () => (platform || admin() ? token() : null),
    () => getPlatformAdmin(),
  );

  const state: AppState = {
    config,
    me,
    partnership,
    platformAdmin,
    platform,
    platformAdminSession: admin,
    signedIn: () => token() !== null,
    signedOutDeliberately: deliberate,
    signIn(session) {
      forgetFlash();
      saveSession(session);
      sessionStarted();
      setDeliberate(false);
      setAdmin(session.platformAdmin === true);
      setToken(session.token);
    },
    keepSession(session) {
      forgetFlash();
      saveSession(session);
    },
    signOut(opts) {
      clearSession();
      setAdmin(false);
      setDeliberate(opts?.deliberate ?? false);
      setToken(null);
      // The next person to sign in on this tab must not see the last one's data.
      clearCache();
    },
    agencies() {
      return partnership.state === 'ready' ? (partnership()?.agencies ?? []).filter((a) => !a.retiredAt) : [];
    },
    agencyName(id) {
      // Nothing until the partnership has loaded: never flash an agency's id where its name belongs.
      const data = partnership();
      if (!id || !data) return undefined;
      return data.agencies.find((a) => a.id === id)?.name ?? id;
    },
    partnershipName() {
      if (platform) return 'Platform administration';
      return partnership()?.partnership?.name ?? config()?.partnershipName;
    },
  };
  return <AppContext.Provider value={state}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp must be used inside <AppProvider>');
  return state;
}
