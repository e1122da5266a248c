/** "Mes droits": estimate, find what is missed, or browse every benefit. */
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui';
import './droits.css';
import { FamilySearch } from './FamilySearch';
import messages from './messages';

registerMessages('droits', messages);

export default function DroitsPage() {
  const t = useT();
  const { user } = useSession();
  const tiles = [
    { to: '/droits/simulateur', title: 'droits.home.simulate', text: 'droits.home.simulateText' },
    { to: '/droits/potentiels', title: 'droits.home.potential', text: 'droits.home.potentialText' },
    { to: '/droits/prestations', title: 'droits.home.browse', text: 'droits.home.browseText' },
  ];
  return (
    <>
      <PageHeader title={t('droits.home.title')} intro={t('droits.home.intro')} />
      <ul className="droits-hub">
        {tiles.map((x) => (
          <li key={x.to}>
            <Link to={x.to} className="tile">
              <strong>{t(x.title)}</strong>
              <span>{t(x.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="muted">{t('droits.home.estimateOnly')}</p>
      {user && (user.role === 'agent' || user.role === 'coordinator') ? <FamilySearch /> : null}
    </>
  );
}
