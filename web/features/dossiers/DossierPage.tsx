/** /dossier: "Mon dossier" for a parent, the caseload for an agent, orientations received for a partner. */
import { registerMessages, useT } from '../../app/i18n';
import { useLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { Alert, PageHeader, RequireRole } from '../../ui';
import { Caseload } from './Caseload';
import { CoordinatorPanel } from './CoordinatorPanel';
import { EarlyDetection } from './EarlyDetection';
import { MyFile } from './MyFile';
import { PartnerOrientations } from './PartnerOrientations';
import messages from './messages';
import deskMessages from './desk-messages';
import './dossiers.css';

registerMessages('dossiers', messages);
registerMessages('desk', deskMessages);

export default function DossierPage() {
  const t = useT();
  const { user } = useSession();
  const { search } = useLocation();
  const role = user?.role;
  const title = role === 'agent' || role === 'coordinator' ? t('dossiers.caseload') : role === 'partner' ? t('dossiers.partnerTitle') : t('dossiers.title');
  const intro =
    role === 'agent' || role === 'coordinator' ? t('dossiers.caseloadIntro') : role === 'partner' ? t('dossiers.partnerIntro') : t('dossiers.intro');
  return (
    <>
      <PageHeader title={title} intro={intro} />
      {search.get('efface') && !user ? (
        <Alert tone="success" live>
          {t(search.get('efface') === 'compte' ? 'dossiers.erasedAccount' : 'dossiers.erased')}
        </Alert>
      ) : null}
      <RequireRole roles={['parent', 'agent', 'coordinator', 'partner']}>
        {search.get('enregistre') ? (
          <Alert tone="success" live>
            {t('dossiers.saved')}
          </Alert>
        ) : null}
        {role === 'parent' ? (
          <MyFile />
        ) : role === 'partner' ? (
          <div className="stack">
            <PartnerOrientations />
            <EarlyDetection />
          </div>
        ) : (
          <div className="stack">
            <Caseload />
            {role === 'coordinator' ? <CoordinatorPanel /> : null}
          </div>
        )}
      </RequireRole>
    </>
  );
}
