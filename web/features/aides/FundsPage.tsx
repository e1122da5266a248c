/** The funds' dashboard: budget, committed, paid and left, per fund and per neighbourhood. */
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { DemoBadge, Loaded, PageHeader, RequireRole } from '../../ui';
import { euros } from './format';
import './shared';
import type { FundsView } from './types';

function Dashboard({ data }: { data: FundsView }) {
  const t = useT();
  const town = useTown();
  const title = (id: string) => data.funds.find((f) => f.fundId === id)?.title ?? id;
  const hood = (id: string | null, fallback: string) => town.neighbourhoods.find((n) => n.id === id)?.name ?? fallback;
  return (
    <>
      <div className="aides-table-wrap" role="region" aria-label={t('aides.fundsTitle')} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t('aides.fundsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('aides.fund')}</th>
              <th scope="col" className="aides-num">
                {t('aides.budget')}
              </th>
              <th scope="col" className="aides-num">
                {t('aides.committed')}
              </th>
              <th scope="col" className="aides-num">
                {t('aides.paid')}
              </th>
              <th scope="col" className="aides-num">
                {t('aides.left')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.funds.map((f) => (
              <tr key={f.fundId} data-fund={f.fundId}>
                <th scope="row">
                  {f.title} {f.isDemo ? <DemoBadge label={t('aides.demo')} /> : null}
                </th>
                <td className="aides-num">{euros(f.budgetCents)}</td>
                <td className="aides-num">{euros(f.committedCents)}</td>
                <td className="aides-num">{euros(f.paidCents)}</td>
                <td className="aides-num">{euros(f.remainderCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('aides.byHood')}</h2>
      <div className="aides-table-wrap" role="region" aria-label={t('aides.byHood')} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t('aides.byHood')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('aides.fund')}</th>
              <th scope="col">{t('aides.hood')}</th>
              <th scope="col" className="aides-num">
                {t('aides.committed')}
              </th>
              <th scope="col" className="aides-num">
                {t('aides.paid')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byNeighbourhood.map((n) => (
              <tr key={`${n.fundId}-${n.neighbourhood}`}>
                <td>{title(n.fundId)}</td>
                <td>{hood(n.neighbourhood, n.neighbourhoodName)}</td>
                <td className="aides-num">{euros(n.committedCents)}</td>
                <td className="aides-num">{euros(n.paidCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function FundsPage() {
  const t = useT();
  const r = useApi<FundsView>('/api/aides/fonds');
  return (
    <RequireRole roles={['agent', 'coordinator', 'admin']}>
      <PageHeader title={t('aides.fundsTitle')} intro={t('aides.fundsIntro')} />
      <Loaded resource={r}>{(data) => <Dashboard data={data} />}</Loaded>
    </RequireRole>
  );
}
