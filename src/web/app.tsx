/** Routes: setup on an empty database, public account screens, and the signed-in screens. */
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import type { ComponentType } from 'preact';
import { get } from './api.js';
import { t } from './i18n.js';
import { loadMe, me, sessionChecked } from './session.js';
import { Setup } from './screens/auth/Setup.js';
import { SignIn } from './screens/auth/SignIn.js';
import { ForgotPassword, ResetPassword } from './screens/auth/Passwords.js';
import { AcceptInvite } from './screens/auth/AcceptInvite.js';
import { Home } from './screens/Home.js';
import { Members } from './screens/Members.js';
import { MemberDetail } from './screens/MemberDetail.js';
import { Invite } from './screens/Invite.js';
import { Profile } from './screens/Profile.js';
import { Association } from './screens/Association.js';
import { Privacy, PublicPrivacy } from './screens/privacy/Privacy.js';
import { Cars } from './screens/Cars.js';
import { Shifts } from './screens/shifts/Shifts.js';
import { ShiftDetail } from './screens/shifts/ShiftDetail.js';
import { Capture } from './screens/observations/Capture.js';
import { Observations } from './screens/observations/Observations.js';
import { ObservationDetail } from './screens/observations/ObservationDetail.js';
import { Items } from './screens/items/Items.js';
import { ItemDetail } from './screens/items/ItemDetail.js';

/**
 * Screens a crew does not need in the car load when first opened (follow-up,
 * maps, planning, administration): the field app's first load stays small on a
 * cheap phone. The service worker keeps them all for offline use once loaded.
 */
const Dashboard = lazy(() => import('./screens/insights/Dashboard.js').then((m) => m.Dashboard));
const IopReport = lazy(() => import('./screens/insights/IopReport.js').then((m) => m.IopReport));
const PublicPage = lazy(() => import('./screens/insights/PublicPage.js').then((m) => m.PublicPage));
const MapScreen = lazy(() => import('./screens/observations/MapScreen.js').then((m) => m.MapScreen));
const Routing = lazy(() => import('./screens/routing/Routing.js').then((m) => m.Routing));
const Templates = lazy(() => import('./screens/shifts/Templates.js').then((m) => m.Templates));
const Board = lazy(() => import('./screens/shifts/Board.js').then((m) => m.Board));
const Audit = lazy(() => import('./screens/Audit.js').then((m) => m.Audit));
const Outbox = lazy(() => import('./screens/Outbox.js').then((m) => m.Outbox));
const Retention = lazy(() => import('./screens/Retention.js').then((m) => m.Retention));
const DrivingLog = lazy(() => import('./screens/shifts/DrivingLog.js').then((m) => m.DrivingLog));
const Hours = lazy(() => import('./screens/shifts/Hours.js').then((m) => m.Hours));
const Categories = lazy(() => import('./screens/observations/Categories.js').then((m) => m.Categories));

/** Renders a signed-in screen, or sends the visitor to sign in. */
function signedIn<P extends object>(Screen: ComponentType<P>) {
  return function Guarded(props: P) {
    const { route, url } = useLocation();
    const missing = sessionChecked.value && !me.value;
    useEffect(() => {
      if (missing) route(`/signin?next=${encodeURIComponent(url)}`, true);
    }, [missing]);
    if (!me.value) return <p class="loading">{t('app.loading')}</p>;
    return <Screen {...props} />;
  };
}

const Protected = {
  Home: signedIn(Home),
  Members: signedIn(Members),
  MemberDetail: signedIn(MemberDetail),
  Invite: signedIn(Invite),
  Profile: signedIn(Profile),
  Association: signedIn(Association),
  Audit: signedIn(Audit),
  Outbox: signedIn(Outbox),
  Retention: signedIn(Retention),
  Privacy: signedIn(Privacy),
  Cars: signedIn(Cars),
  Shifts: signedIn(Shifts),
  ShiftDetail: signedIn(ShiftDetail),
  Board: signedIn(Board),
  Templates: signedIn(Templates),
  DrivingLog: signedIn(DrivingLog),
  Hours: signedIn(Hours),
  Capture: signedIn(Capture),
  Observations: signedIn(Observations),
  ObservationDetail: signedIn(ObservationDetail),
  MapScreen: signedIn(MapScreen),
  Categories: signedIn(Categories),
  Items: signedIn(Items),
  ItemDetail: signedIn(ItemDetail),
  Routing: signedIn(Routing),
  Dashboard: signedIn(Dashboard),
  IopReport: signedIn(IopReport),
};

export function App() {
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  useEffect(() => {
    get<{ needsSetup: boolean }>('/api/setup')
      .then((s) => setNeedsSetup(s.needsSetup))
      .catch(() => setNeedsSetup(false));
    void loadMe().catch(() => undefined);
  }, []);

  if (needsSetup === null) return <p class="loading">{t('app.loading')}</p>;
  return (
    <LocationProvider>
      <ErrorBoundary>
        {needsSetup ? (
          <Setup onDone={() => setNeedsSetup(false)} />
        ) : (
          <Router>
            <Route path="/signin" component={SignIn} />
            <Route path="/forgot-password" component={ForgotPassword} />
            <Route path="/reset-password" component={ResetPassword} />
            <Route path="/invite" component={AcceptInvite} />
            <Route path="/p/:id" component={PublicPage} />
            <Route path="/privacy/:id" component={PublicPrivacy} />
            <Route path="/" component={Protected.Home} />
            <Route path="/members" component={Protected.Members} />
            <Route path="/members/:id" component={Protected.MemberDetail} />
            <Route path="/invite-member" component={Protected.Invite} />
            <Route path="/profile" component={Protected.Profile} />
            <Route path="/association" component={Protected.Association} />
            <Route path="/audit" component={Protected.Audit} />
            <Route path="/outbox" component={Protected.Outbox} />
            <Route path="/retention" component={Protected.Retention} />
            <Route path="/privacy" component={Protected.Privacy} />
            <Route path="/cars" component={Protected.Cars} />
            <Route path="/cars/:id/log" component={Protected.DrivingLog} />
            <Route path="/shifts" component={Protected.Shifts} />
            <Route path="/shifts/:id" component={Protected.ShiftDetail} />
            <Route path="/board" component={Protected.Board} />
            <Route path="/plan" component={Protected.Templates} />
            <Route path="/hours" component={Protected.Hours} />
            <Route path="/observe" component={Protected.Capture} />
            <Route path="/observations" component={Protected.Observations} />
            <Route path="/observations/map" component={Protected.MapScreen} />
            <Route path="/categories" component={Protected.Categories} />
            <Route path="/observations/:id" component={Protected.ObservationDetail} />
            <Route path="/items" component={Protected.Items} />
            <Route path="/items/:id" component={Protected.ItemDetail} />
            <Route path="/routing" component={Protected.Routing} />
            <Route path="/dashboard" component={Protected.Dashboard} />
            <Route path="/iop" component={Protected.IopReport} />
            <Route default component={Protected.Home} />
          </Router>
        )}
      </ErrorBoundary>
    </LocationProvider>
  );
}
