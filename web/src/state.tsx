import { createContext, createResource, createSignal, useContext, type JSX, type Resource } from 'solid-js';
import type { Me } from '../../shared/auth/roles.js';
import { getConfig, getMe, getPartnership, type PartnershipData, type PortalConfig } from './api/endpoints.js';
import { clearSession, forgetFlash, getSession, saveSession, type Session } from './api/session.js';

export interface AppState {
  config: Resource<PortalConfig>;
  /** The signed-in user; undefined while signed out or loading. */
  me: Resource<Me | undefined>;
  partnership: Resource<PartnershipData | undefined>;
  signedIn: () => boolean;
  signIn(session: Session): void;
  /** `deliberate`: the user pressed "Sign out", so nothing should offer to bring them back here. */
  signOut(opts?: { deliberate?: boolean }): void;
  signedOutDeliberately: () => boolean;
  /** The display name of an agency id, falling back to the id while data loads. */
  agencyName(id: string | null | undefined): string | undefined;
  partnershipName(): string | undefined;
}

const AppContext = createContext<AppState>();

/**
 * App-wide data: config (public), the user and the partnership (both keyed on the session token, so
 * signing in or out refetches or drops them). Feature pages fetch their own data with createResource.
 */
export function AppProvider(props: { children: JSX.Element }) {
  const [token, setToken] = createSignal<string | null>(getSession()?.token ?? null);
  const [deliberate, setDeliberate] = createSignal(false);
  const [config] = createResource(getConfig);
  const [me, { mutate: setMe }] = createResource<Me | undefined, string>(token, () => getMe());
  const [partnership, { mutate: setPartnership }] = createResource<PartnershipData | undefined, string>(token, () => getPartnership());

  const state: AppState = {
    config,
    me,
    partnership,
    signedIn: () => token() !== null,
    signedOutDeliberately: deliberate,
    signIn(session) {
      forgetFlash();
      saveSession(session);
      setDeliberate(false);
      setToken(session.token);
    },
    signOut(opts) {
      clearSession();
      setDeliberate(opts?.deliberate ?? false);
      setToken(null);
      setMe(undefined);
      setPartnership(undefined);
    },
    agencyName(id) {
      // Nothing until the partnership has loaded: never flash an agency's id where its name belongs.
      if (!id || partnership.state !== 'ready') return undefined;
      return partnership()?.agencies.find((a) => a.id === id)?.name ?? id;
    },
    partnershipName() {
      const fromApi = partnership.state === 'ready' ? partnership()?.partnership?.name : undefined;
      return fromApi ?? (config.state === 'ready' ? config().partnershipName : undefined);
    },
  };
  return <AppContext.Provider value={state}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp must be used inside <AppProvider>');
  return state;
}
