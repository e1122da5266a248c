/**
 * Entraide entre parents, one route with sections: Parents Voisins (board, post, answer),
 * a conversation (?id=…), the parentothèque (catalogue and my loans).
 */
import { useEffect } from 'react';
import { registerMessages, useT } from '../../app/i18n';
import { Link, navigate, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { PageHeader, RequireRole } from '../../ui';
import type { MyFile } from '../../../src/modules/dossiers';
import { AmbassadorView } from './AmbassadorView';
import { ConversationView } from './ConversationView';
import { CoopView } from './CoopView';
import { CovoiturageView } from './CovoiturageView';
import { DepannageView } from './DepannageView';
import { ParentothequeView } from './ParentothequeView';
import { StaffView } from './StaffView';
import { TutoratView } from './TutoratView';
import { VoisinsView } from './VoisinsView';
import messages from './messages';
import './entraide.css';

registerMessages('entraide', messages);

const SECTIONS = ['voisins', 'ambassadeur', 'conversation', 'parentotheque', 'garde', 'covoiturage', 'depannage', 'tutorat', 'suivi'];
const STAFF_ROLES = ['agent', 'coordinator', 'admin'];

function Tabs({ section }: { section: string }) {
  const t = useT();
  return (
    <nav aria-label={t('entraide.title')} className="entraide-tabs">
      <Link to="/entraide/voisins" aria-current={section === 'voisins' ? 'page' : undefined}>
        {t('entraide.tabVoisins')}
      </Link>
      <Link to="/entraide/parentotheque" aria-current={section === 'parentotheque' ? 'page' : undefined}>
        {t('entraide.tabParentotheque')}
      </Link>
      <Link to="/entraide/garde" aria-current={section === 'garde' ? 'page' : undefined}>
        {t('entraide.tabGarde')}
      </Link>
      <Link to="/entraide/covoiturage" aria-current={section === 'covoiturage' ? 'page' : undefined}>
        {t('entraide.tabCovoiturage')}
      </Link>
      <Link to="/entraide/depannage" aria-current={section === 'depannage' ? 'page' : undefined}>
        {t('entraide.tabDepannage')}
      </Link>
      <Link to="/entraide/tutorat" aria-current={section === 'tutorat' ? 'page' : undefined}>
        {t('entraide.tabTutorat')}
      </Link>
    </nav>
  );
}

function FamilyContent({ section }: { section: string }) {
  const { search } = useLocation();
  const file = useApi<MyFile>('/api/dossiers/me');
  const hood = file.data?.household?.address?.neighbourhoodId ?? null;
  if (section === 'conversation') return <ConversationView id={search.get('id')} />;
  if (section === 'ambassadeur') return <AmbassadorView />;
  if (section === 'parentotheque') return <ParentothequeView />;
  if (section === 'garde') return <CoopView />;
  if (section === 'covoiturage') return <CovoiturageView />;
  if (section === 'depannage') return <DepannageView />;
  if (section === 'tutorat') return <TutoratView />;
  if (file.loading && !file.data) return null;
  return <VoisinsView defaultNeighbourhood={hood} />;
}

export default function EntraidePage() {
  const t = useT();
  const { section } = useParams();
  const { user, loading } = useSession();
  const staff = user !== null && STAFF_ROLES.includes(user.role);
  const known = SECTIONS.includes(section ?? '');
  // Staff follow the entraide from its own page; families never see it.
  const target = staff ? 'suivi' : known && section !== 'suivi' ? section! : 'voisins';
  useEffect(() => {
    if (!loading && section !== target) navigate(`/entraide/${target}`, { replace: true });
  }, [loading, section, target]);
  if (target === 'suivi')
    return (
      <>
        <PageHeader title={t('entraide.staffTitle')} intro={t('entraide.staffIntro')} />
        <RequireRole roles={['agent', 'coordinator', 'admin']}>
          <StaffView />
        </RequireRole>
      </>
    );
  return (
    <>
      <PageHeader title={t('entraide.title')} intro={t('entraide.intro')} />
      <RequireRole roles={['parent']}>
        <Tabs section={target} />
        <FamilyContent section={target} />
      </RequireRole>
    </>
  );
}
