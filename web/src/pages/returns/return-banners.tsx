import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { certifyRefusal } from '../../../../shared/returns/rules.js';
import type { ReturnView } from '../../api/returns.js';
import { formatDateTime } from '../../components/format.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { useApp } from '../../state.js';
import { whoCanCertify } from './certification-words.js';
import { certifyPath } from './paths.js';
import { ReviewCommentQuote } from './review-comment.js';

/*
 * Banners at the top of the partner's return (after what the last save did, the kit's
 * OutcomeBanner): the lead's comments when it came back, and where a submitted or accepted return
 * stands. Where the partnership certifies returns: who can certify a return awaiting
 * certification (with the way in for those who may), and a certifier's comments when they sent it back.
 */

export function ReturnStateBanners(props: { view: ReturnView }) {
  const lastComment = () => props.view.review.comments.at(-1);
  return (
    <>
      <Show when={props.view.status === 'returned' && lastComment()}>
        {(c) => (
          <NotificationBanner title="Returned with comments">
            <h3 class="govuk-notification-banner__heading">The programme lead has returned your return</h3>
            <ReviewCommentQuote comment={c()} />
            <p class="govuk-body">Make the changes, then check your answers and submit the return again.</p>
          </NotificationBanner>
        )}
      </Show>
      <CertificationBanners view={props.view} />
      <Show when={props.view.status === 'submitted'}>
        <NotificationBanner title="Submitted">
          <p class="govuk-notification-banner__heading">
            <Show
              when={props.view.certification?.certifiedAt ? props.view.certification : undefined}
              fallback={<>You submitted this return on {formatDateTime(props.view.submittedAt)}.</>}
            >
              {(c) => (
                <>
                  {c().certifiedByName ?? 'A signatory at your agency'} certified and submitted this return on {formatDateTime(c().certifiedAt)}.
                </>
              )}
            </Show>{' '}
            The programme lead is reviewing it.
          </p>
        </NotificationBanner>
      </Show>
      <Show when={props.view.status === 'accepted'}>
        <NotificationBanner title="Accepted">
          <p class="govuk-notification-banner__heading">The programme lead accepted this return on {formatDateTime(props.view.acceptedAt)}.</p>
        </NotificationBanner>
      </Show>
    </>
  );
}

/** Awaiting certification (who sent it, who can certify it), or sent back by a certifier with comments. */
function CertificationBanners(props: { view: ReturnView }) {
  const app = useApp();
  const cert = () => props.view.certification;
  const canCertify = () => {
    const me = app.me();
    return !!me && certifyRefusal(me, props.view.agencyId, cert()?.preparedBy) === null;
  };
  const sentBack = () => (props.view.status === 'draft' ? cert()?.comments.at(-1) : undefined);
  return (
    <>
      <Show when={props.view.status === 'awaiting-certification'}>
        <NotificationBanner title="Awaiting certification">
          <p class="govuk-notification-banner__heading">
            {cert()?.preparedByName ?? 'Someone at your agency'} sent this return for certification on {formatDateTime(cert()?.sentAt)}. {whoCanCertify(props.view.certifiers)}
          </p>
          <Show when={canCertify()}>
            <p class="govuk-body">
              <A class="govuk-notification-banner__link" href={certifyPath(props.view.periodId)}>
                Check and certify the return
              </A>
            </p>
          </Show>
        </NotificationBanner>
      </Show>
      <Show when={sentBack()}>
        {(c) => (
          <NotificationBanner title="Sent back with comments">
            <h3 class="govuk-notification-banner__heading">{c().byName ?? c().by} sent this return back instead of certifying it</h3>
            <ReviewCommentQuote comment={c()} fallback={c().by} />
            <p class="govuk-body">Make the changes, then send it for certification again.</p>
          </NotificationBanner>
        )}
      </Show>
    </>
  );
}
