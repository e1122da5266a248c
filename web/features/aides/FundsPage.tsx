/** The funds' dashboard: budget, committed, paid and left, per fund and per neighbourhood. */
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { DemoBadge, Loaded, PageHeader, RequireRole } from '../../ui';
import { formatEuros as euros } from '../../app/format';
import { ScrollTable } from './shared';
import type { FundsView } from '../../../src/modules/aides';

function Dashboard({ data }: { data: FundsView }) {
  const t = useT();
  const town = useTown();
  const title = (id: string) => data.funds.find((f) => f.fundId === id)?.title ?? id;
  const hood = (id: string | null, fallback: string) => town.neighbourhoods.find((n) => n.id === id)?.name ?? fallback;
  return (
    <>
      <ScrollTable
        label={t('aides.fundsTitle')}
        head={[
          { title: t('aides.fund') },
          { title: t('aides.budget'), num: true },
          { title: t('aides.committed'), num: true },
          { title: t('aides.paid'), num: true },
          { title: t('aides.left'), num: true },
        ]}
      >
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
      </ScrollTable>
      <h2>{t('aides.byHood')}</h2>
      <ScrollTable
        label={t('aides.byHood')}
        head={[{ title: t('aides.fund') }, { title: t('aides.hood') }, { title: t('aides.committed'), num: true }, { title: t('aides.paid'), num: true }]}
      >
        {data.byNeighbourhood.map((n) => (
          <tr key={`${n.fundId}-${n.neighbourhood}`}>
            <td>{title(n.fundId)}</td>
            <td>{hood(n.neighbourhood, n.neighbourhoodName)}</td>
            <td className="aides-num">{euros(n.committedCents)}</td>
            <td className="aides-num">{euros(n.paidCents)}</td>
          </tr>
        ))}
      </ScrollTable>
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
