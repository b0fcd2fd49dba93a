import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../features/join/pages/HomePage';
import { JoinPage } from '../features/join/pages/JoinPage';
import { InvitationPage } from '../features/join/pages/InvitationPage';
import { SessionPage } from '../features/session/pages/SessionPage';
import { loadStaffCatalogues } from '../i18n';
import { Loading } from '../ui/Loading';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** A lazy page: its code and the French catalogues of the staff pages are fetched together. */
function staffPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(() => Promise.all([load(), loadStaffCatalogues()]).then(([module]) => ({ default: module[name] })));
}

// Staff and projector code is downloaded only by those who open them; phones stay light.
const StaffLoginPage = staffPage(() => import('../features/staff/pages/StaffLoginPage'), 'StaffLoginPage');
const StaffHomePage = staffPage(() => import('../features/staff/pages/StaffHomePage'), 'StaffHomePage');
const ConsolePage = staffPage(() => import('../features/staff/pages/ConsolePage'), 'ConsolePage');
const ArchiveListPage = staffPage(() => import('../features/outcomes/pages/ArchiveListPage'), 'ArchiveListPage');
const ArchiveDetailPage = staffPage(() => import('../features/outcomes/pages/ArchiveDetailPage'), 'ArchiveDetailPage');
const PublicResultsPage = staffPage(() => import('../features/outcomes/pages/PublicResultsPage'), 'PublicResultsPage');
const MonitorPage = staffPage(() => import('../features/staff/pages/MonitorPage'), 'MonitorPage');
const ReceiptCheckPage = staffPage(() => import('../features/surveys/pages/ReceiptCheckPage'), 'ReceiptCheckPage');
const FollowUpPages = staffPage(() => import('../features/followup'), 'FollowUpPages');
const ScreenPage = staffPage(() => import('../features/screen/pages/ScreenPage'), 'ScreenPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="join/:code" element={<JoinPage />} />
        <Route path="i/:invitation" element={<InvitationPage />} />
        <Route path="s/:sessionId" element={<SessionPage />} />
        <Route path="staff/login" element={<StaffLoginPage />} />
        <Route path="staff" element={<StaffHomePage />} />
        <Route path="staff/sessions/:id" element={<ConsolePage />} />
        <Route path="staff/archive" element={<ArchiveListPage />} />
        <Route path="staff/archive/:id" element={<ArchiveDetailPage />} />
        <Route path="public/:code" element={<PublicResultsPage />} />
        <Route path="public/:code/receipt" element={<ReceiptCheckPage />} />
        <Route path="staff/follow-up" element={<FollowUpPages />} />
        <Route path="follow-up/:assemblyId" element={<FollowUpPages />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        path="staff/sessions/:id/monitor"
        element={
          <Suspense fallback={<Loading />}>
            <MonitorPage />
          </Suspense>
        }
      />
      <Route
        path="screen/:code"
        element={
          <Suspense fallback={<Loading />}>
            <ScreenPage />
          </Suspense>
        }
      />
    </Routes>
  );
}
