import { useT, useTx } from '../../app/i18n';
import { Ltr } from '../../app/lang';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useTown } from '../../app/town';
import { familyEntries, hrefOf, NAV, type NavEntry } from '../../app/nav';
import { PageHeader } from '../../ui/display';
import { Icon } from '../../ui/Icon';

function Tiles({ entries }: { entries: NavEntry[] }) {
  const t = useT();
  return (
    <ul className="cards">
      {entries.map((e) => (
        <li key={e.id}>
          <Link to={hrefOf(e)} className="tile">
            <span className="icon" aria-hidden="true">
              <Icon name={e.id} />
            </span>
            <span>
              <strong>{t(e.label)}</strong>
              {t(e.description)}
              {e.soon ? (
                <>
                  {' '}
                  <span className="badge">{t('home.soon')}</span>
                </>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function HomePage() {
  const t = useT();
  const tx = useTx();
  const town = useTown();
  const { user } = useSession();
  const forFamilies = familyEntries();
  const staff = NAV.filter((e) => e.roles && !e.visitors && user && e.roles.includes(user.role));
  return (
    <>
      <PageHeader title={t('home.title')} />
      <p style={{ fontSize: '1.15rem' }}>{t('home.intro', { town: town.name })}</p>
      <Tiles entries={forFamilies} />
      <p>{t('home.noAccount')}</p>
      <p>{tx('home.help', { phone: <Ltr>{town.contact.phone}</Ltr> })}</p>
      {staff.length ? (
        <section>
          <h2>{t('home.staff')}</h2>
          <Tiles entries={staff} />
        </section>
      ) : null}
    </>
  );
}
