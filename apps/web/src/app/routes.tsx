import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../features/join/pages/HomePage';
import { JoinPage } from '../features/join/pages/JoinPage';
import { InvitationPage } from '../features/join/pages/InvitationPage';
import { SessionPage } from '../features/session/pages/SessionPage';
import { Loading } from '../ui/Loading';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// Staff and projector code is downloaded only by those who open them; phones stay light.
const StaffLoginPage = lazy(() => import('../features/staff/pages/StaffLoginPage').then((m) => ({ default: m.StaffLoginPage })));
const StaffHomePage = lazy(() => import('../features/staff/pages/StaffHomePage').then((m) => ({ default: m.StaffHomePage })));
const ConsolePage = lazy(() => import('../features/staff/pages/ConsolePage').then((m) => ({ default: m.ConsolePage })));
const ArchiveListPage = lazy(() => import('../features/outcomes/pages/ArchiveListPage').then((m) => ({ default: m.ArchiveListPage })));
const ArchiveDetailPage = lazy(() => import('../features/outcomes/pages/ArchiveDetailPage').then((m) => ({ default: m.ArchiveDetailPage })));
const PublicResultsPage = lazy(() => import('../features/outcomes/pages/PublicResultsPage').then((m) => ({ default: m.PublicResultsPage })));
const ScreenPage = lazy(() => import('../features/screen/pages/ScreenPage').then((m) => ({ default: m.ScreenPage })));

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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
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
