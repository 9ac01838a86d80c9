import { Route, Router } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import { lazy } from 'solid-js';
import { Layout } from './components/layout.js';
import { RequireSignIn } from './components/require-sign-in.js';
import { RequirePlatformAdmin } from './components/require-platform-admin.js';
import { AuthCallbackPage } from './pages/auth-callback.js';
import { NotFoundPage } from './pages/not-found.js';
import { queryClient } from './api/queries.js';
import { AppProvider } from './state.js';

// Sign-in carries zod (form validation with the shared schema): only signed-out visitors load it.
const HomePage = lazy(() => import('./pages/home.js').then((m) => ({ default: m.HomePage })));
const ProgrammePage = lazy(() => import('./pages/programme/programme-page.js').then((m) => ({ default: m.ProgrammePage })));
const ErasePage = lazy(() => import('./pages/programme/erase-page.js'));
const SetUpPage = lazy(() => import('./pages/programme/set-up-page.js'));
const SignInPage = lazy(() => import('./pages/sign-in.js').then((m) => ({ default: m.SignInPage })));
const ReadinessIndexPage = lazy(() => import('./pages/readiness/readiness-index.js').then((m) => ({ default: m.ReadinessIndexPage })));
const ReadinessWorkstreamPage = lazy(() => import('./pages/readiness/readiness-workstream.js').then((m) => ({ default: m.ReadinessWorkstreamPage })));
const AssessmentDetailPage = lazy(() => import('./pages/readiness/assessment-detail.js').then((m) => ({ default: m.AssessmentDetailPage })));
const CriterionFormPage = lazy(() => import('./pages/readiness/criterion-form.js').then((m) => ({ default: m.CriterionFormPage })));
const AssessmentFormPage = lazy(() => import('./pages/readiness/assessment-form.js').then((m) => ({ default: m.AssessmentFormPage })));
const TrackerPage = lazy(() => import('./pages/tracker/tracker-page.js').then((m) => ({ default: m.TrackerPage })));
const BoardReportPage = lazy(() => import('./pages/tracker/board-report.js').then((m) => ({ default: m.BoardReportPage })));
const MeasuresPage = lazy(() => import('./pages/measures/measures-page.js'));
const MeasuresWorkstreamPage = lazy(() => import('./pages/measures/workstream-page.js'));
const IndicatorFormPage = lazy(() => import('./pages/measures/indicator-form-page.js'));
const ReportsPage = lazy(() => import('./pages/reports/reports-page.js'));
const ReportPage = lazy(() => import('./pages/reports/report-page.js'));
const ReportPrintPage = lazy(() => import('./pages/reports/print-page.js'));
const ReportSectionEditPage = lazy(() => import('./pages/reports/section-edit-page.js'));

// Quarterly returns: the lead's and the partner's pages load on first use.
const ReturnsPage = lazy(() => import('./pages/returns/returns-list-page.js').then((m) => ({ default: m.ReturnsListPage })));
const ReturnReviewPage = lazy(() => import('./pages/returns/review-page.js').then((m) => ({ default: m.ReturnReviewPage })));
const OurReturnPage = lazy(() => import('./pages/returns/our-return-page.js').then((m) => ({ default: m.OurReturnPage })));
const CheckAnswersPage = lazy(() => import('./pages/returns/check-answers-page.js').then((m) => ({ default: m.CheckAnswersPage })));
const ReturnSubmittedPage = lazy(() => import('./pages/returns/submitted-page.js').then((m) => ({ default: m.ReturnSubmittedPage })));
const ReturnCertifiedPage = lazy(() => import('./pages/returns/submitted-page.js').then((m) => ({ default: m.ReturnCertifiedPage })));
const CertifyReturnPage = lazy(() => import('./pages/returns/certify-page.js').then((m) => ({ default: m.CertifyPage })));
const ReturnSectionPage = lazy(() => import('./pages/returns/section-page.js').then((m) => ({ default: m.ReturnSectionPage })));
const ReturnPrintPage = lazy(() => import('./pages/returns/print-page.js').then((m) => ({ default: m.ReturnPrintPage })));
const StartFromPage = lazy(() => import('./pages/returns/start-from-page.js').then((m) => ({ default: m.StartFromPage })));
const ThresholdPage = lazy(() => import('./pages/threshold/threshold-page.js'));
const IssueVersionPage = lazy(() => import('./pages/threshold/issue-version-page.js'));
const SignatoriesPage = lazy(() => import('./pages/threshold/signatories-page.js'));
const KinshipRegisterPage = lazy(() => import('./pages/kinship/register-page.js'));
const KinshipItemPage = lazy(() => import('./pages/kinship/item-page.js'));
const KinshipItemFormPage = lazy(() => import('./pages/kinship/item-form-page.js'));
const PublicKinshipOfferPage = lazy(() => import('./pages/kinship/public-offer-page.js'));
const AccessibilityPage = lazy(() => import('./pages/info/accessibility-page.js'));
const PrivacyPage = lazy(() => import('./pages/info/privacy-page.js'));
const AuditTrailPage = lazy(() => import('./pages/audit/audit-page.js'));
const PeoplePage = lazy(() => import('./pages/people/people-page.js'));
const InvitePage = lazy(() => import('./pages/people/invite-page.js'));
const PersonPage = lazy(() => import('./pages/people/person-page.js'));
const ChangePersonPage = lazy(() => import('./pages/people/change-page.js'));
const DeactivatePage = lazy(() => import('./pages/people/deactivate-page.js'));
const SetPasswordPage = lazy(() => import('./pages/set-password.js'));
const UnsubscribePage = lazy(() => import('./pages/unsubscribe.js'));
const NotificationsPage = lazy(() => import('./pages/settings/notifications-page.js'));
const SecondFactorPage = lazy(() => import('./pages/second-factor/set-up-page.js'));
const PartnershipsPage = lazy(() => import('./pages/partnerships/partnerships-page.js'));
const HostedPartnershipsPage = lazy(() => import('./pages/platform/hosted-page.js'));
const NewPartnershipPage = lazy(() => import('./pages/platform/new-partnership-page.js'));
const PartnershipCreatedPage = lazy(() => import('./pages/platform/created-page.js'));

/**
 * Routes, under `base` (`/p/mscp`: the partnership the address names; none for `platform`, the
 * platform administrator's pages). Everything under the path-less parent needs sign-in and a role
 * allowed by nav.ts.
 */
export function App(props: { base?: string | undefined; platform?: boolean }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppProvider platform={props.platform}>
        <Router root={Layout} base={props.base}>
          <Route path="/sign-in" component={SignInPage} />
          <Route path="/auth/callback" component={AuthCallbackPage} />
          <Route path="/kinship-offer" component={PublicKinshipOfferPage} />
          <Route path="/accessibility" component={AccessibilityPage} />
          <Route path="/privacy" component={PrivacyPage} />
          <Route path="/set-password" component={SetPasswordPage} />
          <Route path="/unsubscribe" component={UnsubscribePage} />
          {/* Platform administration: outside every partnership (no base), for platform administrators only. */}
          <Route path="/platform" component={RequirePlatformAdmin}>
            <Route path="/" component={HostedPartnershipsPage} />
            <Route path="/new" component={NewPartnershipPage} />
            <Route path="/created/:id" component={PartnershipCreatedPage} />
            <Route path="/two-step-sign-in" component={SecondFactorPage} />
          </Route>
          <Route path="/" component={RequireSignIn}>
            <Route path="/" component={HomePage} />
            <Route path="/programme" component={ProgrammePage} />
            <Route path="/programme/erase" component={ErasePage} />
            <Route path={['/programme/:kind/new', '/programme/:kind/:id/:action']} component={SetUpPage} />
            <Route path={['/returns', '/returns/:periodId']} component={ReturnsPage} />
            <Route path="/returns/:periodId/:agencyId" component={ReturnReviewPage} />
            <Route path={['/returns/:periodId/:agencyId/print', '/our-return/:periodId/print']} component={ReturnPrintPage} />
            <Route path={['/our-return', '/our-return/:periodId']} component={OurReturnPage} />
            <Route path="/our-return/:periodId/check" component={CheckAnswersPage} />
            <Route path="/our-return/:periodId/submitted" component={ReturnSubmittedPage} />
            <Route path="/our-return/:periodId/certify" component={CertifyReturnPage} />
            <Route path="/our-return/:periodId/certified" component={ReturnCertifiedPage} />
            <Route path="/our-return/:periodId/section/:workstreamId" component={ReturnSectionPage} />
            <Route path="/our-return/:periodId/section/:workstreamId/start-from" component={StartFromPage} />
            <Route path="/threshold" component={ThresholdPage} />
            <Route path="/threshold/issue" component={IssueVersionPage} />
            <Route path="/threshold/signatories" component={SignatoriesPage} />
            <Route path="/kinship" component={KinshipRegisterPage} />
            <Route path={['/kinship/new', '/kinship/:id/edit']} component={KinshipItemFormPage} />
            <Route path="/kinship/:id" component={KinshipItemPage} />
            <Route path="/readiness" component={ReadinessIndexPage} />
            <Route path="/readiness/:workstreamId" component={ReadinessWorkstreamPage} />
            {/* Before the assessment routes, which have as many segments: the static "criteria" outranks :criterionId anyway. */}
            <Route path={['/readiness/:workstreamId/criteria/new', '/readiness/:workstreamId/criteria/:criterionId/edit']} component={CriterionFormPage} />
            <Route path="/readiness/:workstreamId/:criterionId/:agencyId" component={AssessmentDetailPage} />
            <Route path="/readiness/:workstreamId/:criterionId/:agencyId/edit" component={AssessmentFormPage} />
            <Route path="/tracker" component={TrackerPage} />
            <Route path="/board-report" component={BoardReportPage} />
            <Route path="/measures" component={MeasuresPage} />
            <Route path="/measures/:workstreamId" component={MeasuresWorkstreamPage} />
            {/* "new" is static, so it outranks an indicator id; an indicator's form is one segment longer. */}
            <Route path={['/measures/:workstreamId/new', '/measures/:workstreamId/:indicatorId/edit']} component={IndicatorFormPage} />
            <Route path="/reports" component={ReportsPage} />
            <Route path="/reports/:reportId" component={ReportPage} />
            <Route path="/reports/:reportId/print" component={ReportPrintPage} />
            <Route path="/reports/:reportId/sections/:sectionKey/edit" component={ReportSectionEditPage} />
            <Route path="/audit" component={AuditTrailPage} />
            <Route path="/settings/notifications" component={NotificationsPage} />
            <Route path="/settings/two-step-sign-in" component={SecondFactorPage} />
            <Route path="/partnerships" component={PartnershipsPage} />
            <Route path="/people" component={PeoplePage} />
            <Route path="/people/invite" component={InvitePage} />
            <Route path="/people/:id" component={PersonPage} />
            <Route path="/people/:id/change" component={ChangePersonPage} />
            <Route path="/people/:id/deactivate" component={DeactivatePage} />
          </Route>
          <Route path="*404" component={NotFoundPage} />
        </Router>
      </AppProvider>
    </QueryClientProvider>
  );
}
