import { createContext, createSignal, useContext, type JSX } from 'solid-js';
import { getConfig, getMe, getPartnership, type Me, type PartnershipData, type PortalConfig } from './api/endpoints.js';
import { sessionStarted } from './api/client.js';
import { clearCache, createApiQuery, createKeyedResource, QUERY, type KeyedResource } from './api/queries.js';
import { clearSession, forgetFlash, getSession, saveSession, type Session } from './api/session.js';

export interface AppState {
  config: KeyedResource<PortalConfig>;
  /** The signed-in user; undefined while signed out or loading. */
  me: KeyedResource<Me>;
  partnership: KeyedResource<PartnershipData>;
  signedIn: () => boolean;
  signIn(session: Session): void;
  /** `deliberate`: the user pressed "Sign out", so nothing should offer to bring them back here. */
  signOut(opts?: { deliberate?: boolean }): void;
  signedOutDeliberately: () => boolean;
  /** The partnership's agencies in its order; none until the partnership has loaded. */
  agencies(): PartnershipData['agencies'];
  /** The display name of an agency id, falling back to the id while data loads. */
  agencyName(id: string | null | undefined): string | undefined;
  partnershipName(): string | undefined;
}

const AppContext = createContext<AppState>();

/**
 * App-wide data, fetched once through the cache: config (public), the user and the partnership
 * (both keyed on the session token, so signing in or out refetches or drops them).
 */
export function AppProvider(props: { children: JSX.Element }) {
  const [token, setToken] = createSignal<string | null>(getSession()?.token ?? null);
  const [deliberate, setDeliberate] = createSignal(false);
  // Config never changes while the page is open.
  const [config] = createApiQuery(QUERY.config, getConfig);
  const [me] = createKeyedResource(QUERY.me, token, () => getMe());
  const [partnership] = createKeyedResource(QUERY.partnership, token, () => getPartnership());

  const state: AppState = {
    config,
    me,
    partnership,
    signedIn: () => token() !== null,
    signedOutDeliberately: deliberate,
    signIn(session) {
      forgetFlash();
      saveSession(session);
      sessionStarted();
      setDeliberate(false);
      setToken(session.token);
    },
    signOut(opts) {
      clearSession();
      setDeliberate(opts?.deliberate ?? false);
      setToken(null);
      // The next person to sign in on this tab must not see the last one's data.
      clearCache();
    },
    agencies() {
      return partnership.state === 'ready' ? (partnership()?.agencies ?? []) : [];
    },
    agencyName(id) {
      // Nothing until the partnership has loaded: never flash an agency's id where its name belongs.
      const data = partnership();
      if (!id || !data) return undefined;
      return data.agencies.find((a) => a.id === id)?.name ?? id;
    },
    partnershipName() {
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
