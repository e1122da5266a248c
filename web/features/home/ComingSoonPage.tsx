import { useT, useTx } from '../../app/i18n';
import { Ltr } from '../../app/lang';
import { Link, useParams } from '../../app/router';
import { useTown } from '../../app/town';
import { NAV } from '../../app/nav';
import { PageHeader } from '../../ui/display';
import NotFoundPage from './NotFoundPage';

/** What a module not yet built says: what it will do, and who can help meanwhile. No fake content. */
export default function ComingSoonPage() {
  const t = useT();
  const tx = useTx();
  const town = useTown();
  const { module } = useParams();
  const entry = NAV.find((e) => e.id === module);
  if (!entry) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('soon.title', { module: t(entry.label) })} intro={t(entry.description)} />
      <p>{tx('soon.body', { phone: <Ltr>{town.contact.phone}</Ltr> })}</p>
      <Link to="/">{t('soon.back')}</Link>
    </>
  );
}
