import { useParams } from 'react-router';
import { FollowUpConsolePage } from './pages/FollowUpConsolePage';
import { FollowUpPublicPage } from './pages/FollowUpPublicPage';

/**
 * The follow-up pages behind one lazy component (app/routes.tsx): `follow-up/:assemblyId` is the
 * public tracking page, `staff/follow-up` the console.
 */
export function FollowUpPages() {
  return useParams().assemblyId ? <FollowUpPublicPage /> : <FollowUpConsolePage />;
}
