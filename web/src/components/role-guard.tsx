import { Show, type JSX } from 'solid-js';
import type { Me, Role } from '../../../shared/auth/roles.js';
import { useApp } from '../state.js';
import { type BackLink, ProblemPage } from './problem-page.js';

/*
 * A page only some roles may use ("only the programme lead can issue versions"), or only those the
 * `allowed` rule lets in (those who manage people): anyone else gets a page saying why, with the
 * way back. The API refuses them too; this only explains it.
 */
export function RoleOnly(props: { roles?: readonly Role[]; allowed?: (me: Me | undefined) => boolean; title: string; reason: string; back: BackLink; children: JSX.Element }) {
  const app = useApp();
  const allowed = () => {
    if (props.allowed) return props.allowed(app.me());
    const role = app.me()?.role;
    return role !== undefined && !!props.roles?.includes(role);
  };
  return (
    <Show
      when={allowed()}
      fallback={
        <ProblemPage title={props.title} back={props.back}>
          <p class="govuk-body">{props.reason}</p>
        </ProblemPage>
      }
    >
      {props.children}
    </Show>
  );
}

/** A page only the programme lead may use. */
export function LeadOnly(props: { title: string; reason: string; back: BackLink; children: JSX.Element }) {
  return <RoleOnly roles={['lead']} {...props} />;
}
