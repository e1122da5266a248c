/** "Prendre rendez-vous": a family books in three taps from its file; staff find their agenda, the desk, emergencies and the offer; a partner proposes appointments to the families that consented. */
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, LinkButton, LoadStatus, PageHeader } from '../../ui';
import { BookingFlow } from './BookingFlow';
import { NoFile } from './shared';
import { DeskSearch } from './DeskSearch';
import { PartnerReferrals } from './PartnerReferrals';
import type { MyBookings } from './types';

function FamilyBooking() {
  const t = useT();
  const mine = useApi<MyBookings>('/api/rendezvous/mine');
  if (mine.error?.code === 'rendezvous/no-file') {
    return <NoFile />;
  }
  const offers = mine.data?.waitlist.filter((w) => w.status === 'offered') ?? [];
  return (
    <>
      <nav className="item-row" aria-label={t('rendezvous.mineTitle')} style={{ marginBottom: '1rem' }}>
        <LinkButton to="/rendez-vous/mes-rendez-vous" variant="secondary">
          {t('rendezvous.mineTitle')}
          {mine.data ? ` (${mine.data.upcoming.length})` : ''}
        </LinkButton>
        <LinkButton to="/rendez-vous/garde-urgence" variant="ghost">
          {t('rendezvous.emergencyLink')}
        </LinkButton>
      </nav>
      {offers.length ? (
        <Alert tone="success" title={t('rendezvous.offerFree')}>
          <Link to="/rendez-vous/mes-rendez-vous">
            <Fr>{offers[0]!.motif.name}</Fr>
          </Link>
        </Alert>
      ) : null}
      <LoadStatus data={mine.data} error={mine.error} reload={mine.reload} />
      {mine.data ? <BookingFlow family={{ children: mine.data.children }} onDone={mine.reload} /> : null}
    </>
  );
}

function StaffHome() {
  const t = useT();
  const { user } = useSession();
  return (
    <>
      <nav className="item-row" aria-label={t('rendezvous.staffIntro')} style={{ marginBottom: '1rem' }}>
        <LinkButton to="/rendez-vous/agenda">{t('rendezvous.agenda')}</LinkButton>
        <LinkButton to="/rendez-vous/urgences" variant="secondary">
          {t('rendezvous.emergencies')}
        </LinkButton>
        {user?.role === 'agent' || user?.role === 'coordinator' ? (
          <LinkButton to="/rendez-vous/offre" variant="secondary">
            {t('rendezvous.offerLink')}
          </LinkButton>
        ) : null}
      </nav>
      <DeskSearch />
    </>
  );
}

export default function RendezvousPage() {
  const t = useT();
  const { user, loading } = useSession();
  const staff = user && (user.role === 'agent' || user.role === 'coordinator');
  return (
    <>
      <PageHeader
        title={t('rendezvous.title')}
        intro={staff ? t('rendezvous.staffIntro') : user?.role === 'partner' ? t('rendezvous.partnerIntro') : t('rendezvous.intro')}
      />
      {loading ? null : !user ? (
        <Alert tone="info">
          <p>{t('rendezvous.loginFirst')}</p>
          <LinkButton to="/connexion?retour=%2Frendez-vous">{t('nav.login')}</LinkButton>
        </Alert>
      ) : user.role === 'parent' ? (
        <FamilyBooking />
      ) : staff ? (
        <StaffHome />
      ) : user.role === 'partner' ? (
        <PartnerReferrals />
      ) : (
        <Alert tone="error">{t('common.forbidden')}</Alert>
      )}
    </>
  );
}
