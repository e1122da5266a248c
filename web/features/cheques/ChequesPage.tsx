/**
 * Chèques and Pass Famille Solo, one route with sections: the family's balances and card,
 * the printable card, the pass offers, the partner's counter, the agent's view of a
 * family (?famille=<id>, from the family's file), the town's settlements.
 */
import { useEffect, type ReactNode } from 'react';
import { useFormat, useT, registerMessages } from '../../app/i18n';
import { navigate, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import type { Role } from '../../app/nav';
import { Button, Loaded, RequireRole } from '../../ui';
import type { MyCheques, MyPass } from '../../../src/modules/cheques';
import { AgentView } from './AgentView';
import { CounterView } from './CounterView';
import { FamilyView, PassSummary } from './FamilyView';
import { OffersView } from './OffersView';
import { PrintCodesButton } from './PrintCodesButton';
import { SettlementView } from './SettlementView';
import { known } from './localize';
import messages from './messages';
import './cheques.css';

registerMessages('cheques', messages);

/** The card to print at home (A6 on the page) or to download as a PDF, for a family without a smartphone. */
function PrintableCard() {
  const t = useT();
  const f = useFormat();
  const pass = useApi<MyPass>('/api/cheques/me/pass');
  const mine = useApi<MyCheques>('/api/cheques/me');
  return (
    <div className="stack">
      <h1 className="no-print">{t('cheques.cardTitle')}</h1>
      <p className="no-print">{t('cheques.cardIntro')}</p>
      <div className="row no-print">
        <Button onPress={() => window.print()}>{t('cheques.print')}</Button>
        <a href="/api/cheques/me/card.pdf" download>
          {t('cheques.downloadPdf')}
        </a>
      </div>
      <div className="cheques-print">
        <Loaded resource={pass}>{(d) => (d.pass ? <PassSummary pass={d.pass} /> : <p>{t('cheques.passNone')}</p>)}</Loaded>
        <Loaded resource={mine}>
          {(d) =>
            d.accounts.length ? (
              <section className="cheques-card stack" aria-label={t('cheques.balances')}>
                <h2>{t('cheques.balancesOn', { date: f.longDate(new Date()) })}</h2>
                <ul className="cheques-list">
                  {d.accounts.map((a) => (
                    <li key={a.kind}>
                      <span>{known(t, `cheques.kind_${a.kind}`) ?? a.label}</span>
                      <strong>{f.euros(a.availableCents)}</strong>
                    </li>
                  ))}
                </ul>
                {d.accounts.some((a) => a.availableCents > 0) ? (
                  <div className="no-print">
                    <PrintCodesButton url="/api/cheques/me/payment-codes" />
                  </div>
                ) : null}
              </section>
            ) : null
          }
        </Loaded>
        <p>{t('cheques.cardCheck')}</p>
      </div>
    </div>
  );
}

const STAFF: Role[] = ['agent', 'coordinator', 'admin'];
const EVERYONE: Role[] = ['parent', 'partner', ...STAFF];

/** Each section: who may open it and what it shows. */
const SECTIONS: Record<string, { roles: Role[]; page: (search: URLSearchParams) => ReactNode }> = {
  famille: { roles: ['parent'], page: () => <FamilyView /> },
  carte: { roles: ['parent'], page: () => <PrintableCard /> },
  offres: { roles: EVERYONE, page: () => <OffersView /> },
  caisse: { roles: ['partner'], page: () => <CounterView /> },
  foyer: { roles: STAFF, page: (search) => <AgentView householdId={search.get('famille')} /> },
  remboursements: { roles: ['coordinator', 'admin'], page: () => <SettlementView /> },
};

const HOME_BY_ROLE: Record<string, string> = { parent: 'famille', partner: 'caisse', agent: 'foyer', coordinator: 'remboursements', admin: 'remboursements' };

export default function ChequesPage() {
  const { section } = useParams();
  const { search } = useLocation();
  const { user } = useSession();
  const current = SECTIONS[section ?? ''];
  const home = user && !current ? `/cheques/${HOME_BY_ROLE[user.role] ?? 'offres'}` : null;
  useEffect(() => {
    if (home) navigate(home, { replace: true });
  }, [home]);
  return <RequireRole roles={current?.roles ?? EVERYONE}>{current ? current.page(search) : null}</RequireRole>;
}
