/** Where the quick exit leads: a page about nothing sensitive (no room, no family, nothing to see over a shoulder). */
import { registerMessages, useT } from '../../app/i18n';
import { PageHeader } from '../../ui';
import messages from './messages';

registerMessages('groupes', messages);

export default function NeutralPage() {
  const t = useT();
  return <PageHeader title={t('groupes.neutralTitle')} intro={t('groupes.neutralIntro')} />;
}
