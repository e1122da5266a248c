/**
 * Chèques and Pass Famille Solo, one route with sections: the family's balances and card,
 * the printable card, the pass offers, the partner's counter, the agent's view of a
 * family (?famille=<id>, from the family's file), the town's settlements.
 */
import { useEffect } from 'react';
import { useT, registerMessages } from '../../app/i18n';
import { navigate, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Button, Loaded, RequireRole } from '../../ui';
import type { MyPass } from '../../../src/modules/cheques';
import { AgentView } from './AgentView';
import { CounterView } from './CounterView';
import { FamilyView, PassSummary } from './FamilyView';
import { OffersView } from './OffersView';
import { SettlementView } from './SettlementView';
import messages from './messages';
import './cheques.css';

registerMessages('cheques', messages);

function PrintableCard() {
  const t = useT();
  const r = useApi<MyPass>('/api/cheques/me/pass');
  return (
    <div className="stack">
      <h1>{t('cheques.cardTitle')}</h1>
      <Loaded resource={r}>{(d) => (d.pass ? <PassSummary pass={d.pass} /> : <p>{t('cheques.passNone')}</p>)}</Loaded>
      <p>{t('cheques.cardCheck')}</p>
      <div className="no-print">
        <Button onPress={() => window.print()}>{t('cheques.print')}</Button>
      </div>
    </div>
  );
}

const HOME_BY_ROLE: Record<string, string> = { parent: 'famille', partner: 'caisse', agent: 'foyer', coordinator: 'remboursements', admin: 'remboursements' };

export default function ChequesPage() {
  const { section } = useParams();
  const { search } = useLocation();
  const { user } = useSession();
  const home =
    user && !['famille', 'carte', 'offres', 'caisse', 'foyer', 'remboursements'].includes(section ?? '')
      ? `/cheques/${HOME_BY_ROLE[user.role] ?? 'offres'}`
      : null;
  useEffect(() => {
    if (home) navigate(home, { replace: true });
  }, [home]);
  switch (section) {
    case 'famille':
      return (
        <RequireRole roles={['parent']}>
          <FamilyView />
        </RequireRole>
      );
    case 'carte':
      return (
        <RequireRole roles={['parent']}>
          <PrintableCard />
        </RequireRole>
      );
    case 'offres':
      return (
        <RequireRole roles={['parent', 'agent', 'partner', 'coordinator', 'admin']}>
          <OffersView />
        </RequireRole>
      );
    case 'caisse':
      return (
        <RequireRole roles={['partner']}>
          <CounterView />
        </RequireRole>
      );
    case 'foyer':
      return (
        <RequireRole roles={['agent', 'coordinator', 'admin']}>
          <AgentView householdId={search.get('famille')} />
        </RequireRole>
      );
    case 'remboursements':
      return (
        <RequireRole roles={['coordinator', 'admin']}>
          <SettlementView />
        </RequireRole>
      );
    default:
      return <RequireRole roles={['parent', 'agent', 'partner', 'coordinator', 'admin']}>{null}</RequireRole>;
  }
}
