import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { PageHeader } from '../../ui/display';

export default function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('soon.back')}</Link>
    </>
  );
}
