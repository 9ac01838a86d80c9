import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Layout } from './components/layout.js';
import { RequireSignIn } from './components/require-sign-in.js';
import { AuthCallbackPage } from './pages/auth-callback.js';
import { HomePage } from './pages/home.js';
import { NotFoundPage } from './pages/not-found.js';
import { KinshipPage, OurReturnPage, ReadinessPage, ReturnsPage, ThresholdPage, TrackerPage } from './pages/placeholders.js';
import { PublicKinshipOfferPage } from './pages/public-kinship-offer.js';
import { AppProvider } from './state.js';

// Sign-in carries zod (form validation with the shared schema): only signed-out visitors load it.
const SignInPage = lazy(() => import('./pages/sign-in.js').then((m) => ({ default: m.SignInPage })));

/** Routes. Everything under the path-less parent needs sign-in and a role allowed by nav.ts. */
export function App() {
  return (
    <AppProvider>
      <Router root={Layout}>
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/auth/callback" component={AuthCallbackPage} />
        <Route path="/kinship-offer" component={PublicKinshipOfferPage} />
        <Route path="/" component={RequireSignIn}>
          <Route path="/" component={HomePage} />
          <Route path="/returns" component={ReturnsPage} />
          <Route path="/our-return" component={OurReturnPage} />
          <Route path="/threshold" component={ThresholdPage} />
          <Route path="/kinship" component={KinshipPage} />
          <Route path="/readiness" component={ReadinessPage} />
          <Route path="/tracker" component={TrackerPage} />
        </Route>
        <Route path="*404" component={NotFoundPage} />
      </Router>
    </AppProvider>
  );
}
