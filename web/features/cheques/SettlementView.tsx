/** The town: per month, settle each partner's redemptions, export the reimbursements (CSV), mark them paid. */
import { useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { formatEuros, frDateTime, frMonth } from '../../app/format';
import { Button, Card, EmptyState, Loaded, MonthField, PageHeader } from '../../ui';
import type { PassUses, Settlements } from '../../../src/modules/cheques';
import { ActionStatus, useAction } from './use-action';

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function SettlementView() {
  const t = useT();
  const [period, setPeriod] = useState(lastMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const r = useApi<Settlements>(valid ? `/api/cheques/settlements?period=${period}` : null, { keepPrevious: true });
  const action = useAction();
  const act = (fn: () => Promise<unknown>) => action.run(fn).then(r.reload);
  return (
    <div className="stack">
      <PageHeader title={t('cheques.settleTitle')} intro={t('cheques.settleIntro')} />
      <MonthField label={t('cheques.month')} value={period} onChange={setPeriod} />
      <ActionStatus action={action} />
      <Loaded resource={r}>
        {(d) => {
          const settledIds = new Set(d.settlements.map((s) => s.structureId));
          const pending = d.partners.filter((p) => !settledIds.has(p.structureId));
          return (
            <>
              <Card title={`${t('cheques.toSettle')} — ${frMonth(`${d.period}-01`)}`}>
                {pending.length === 0 ? (
                  <EmptyState>{t('cheques.nothing')}</EmptyState>
                ) : (
                  <ul className="cheques-list">
                    {pending.map((p) => (
                      <li key={p.structureId}>
                        <span>
                          {p.structureName} — {t('cheques.payments', { n: p.count })} — <strong>{formatEuros(p.totalCents)}</strong>
                        </span>
                        <Button onPress={() => act(() => api.post('/api/cheques/settlements', { structureId: p.structureId, period: d.period }))}>
                          {t('cheques.settle')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title={t('cheques.settled')}>
                {d.settlements.length === 0 ? (
                  <EmptyState>{t('cheques.none')}</EmptyState>
                ) : (
                  <>
                    <ul className="cheques-list">
                      {d.settlements.map((s) => (
                        <li key={s.id}>
                          <span>
                            {s.structureName} — {t('cheques.payments', { n: s.count })} — <strong>{formatEuros(s.totalCents)}</strong> —{' '}
                            {s.paidAt ? t('cheques.paid', { date: frDateTime(s.paidAt) }) : t('cheques.unpaid')}
                          </span>
                          {!s.paidAt ? (
                            <Button variant="secondary" onPress={() => act(() => api.post(`/api/cheques/settlements/${s.id}/paid`))}>
                              {t('cheques.markPaid')}
                            </Button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                    <p>
                      <a href={`/api/cheques/settlements.csv?period=${d.period}`} download>
                        {t('cheques.exportCsv')}
                      </a>
                    </p>
                  </>
                )}
              </Card>
            </>
          );
        }}
      </Loaded>
      {valid ? <PassUsesCard period={period} /> : null}
    </div>
  );
}

/** For the evaluation of the measure: the Pass's uses per partner and its neighbourhood that month (counted, never who). */
function PassUsesCard({ period }: { period: string }) {
  const t = useT();
  const r = useApi<PassUses>(`/api/cheques/pass/uses?period=${period}`, { keepPrevious: true });
  return (
    <Loaded resource={r}>
      {(d) => (
        <Card title={`${t('cheques.passUses')} — ${frMonth(`${d.period}-01`)}`}>
          {d.uses.length === 0 ? (
            <EmptyState>{t('cheques.passUsesNone')}</EmptyState>
          ) : (
            <ul className="cheques-list">
              {d.uses.map((u) => (
                <li key={`${u.structureId}-${u.neighbourhood ?? ''}`}>
                  <span>
                    {u.structureName}
                    {u.neighbourhood ? ` (${u.neighbourhood})` : ''} — {t('cheques.passUsesCount', { n: u.count })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </Loaded>
  );
}
