/** The parentothèque: the catalogue, asking for an item, my loans (with what is due when). */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT, useTx } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, Loaded } from '../../ui';
import type { Catalogue, Item, Loan, Loans } from '../../../src/modules/entraide';
import { ItemPhoto } from './ItemPhoto';
import { useEntraideFormat } from './format';
import { usePostThenReload } from './inputs';

function ItemCard({ item, onAsked }: { item: Item; onAsked: () => void }) {
  const t = useT();
  const tx = useTx();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <li className="entraide-card">
      <p className="entraide-tag">
        {item.mode === 'pret' ? t('entraide.lend') : t('entraide.gift')} · {t(`entraide.condition_${item.condition}`)}
        {item.isDemo ? (
          <>
            {' '}
            <DemoBadge />
          </>
        ) : null}
      </p>
      <h3>
        <Fr>{item.title}</Fr>
      </h3>
      {item.hasPhoto ? <ItemPhoto id={item.id} title={item.title} /> : null}
      {item.description ? (
        <p>
          <Fr>{item.description}</Fr>
        </p>
      ) : null}
      {item.donorLabel ? <p className="muted">{tx('entraide.givenBy', { who: <Fr>{item.donorLabel}</Fr> })}</p> : null}
      {item.mode === 'pret' ? <p className="muted">{t('entraide.loanDays', { n: item.loanDays })}</p> : null}
      {error ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      {item.available ? (
        <Button
          onPress={async () => {
            try {
              await api.post(`/api/entraide/items/${item.id}/ask`);
              setError(null);
              onAsked();
            } catch (err) {
              setError(err as ApiError);
            }
          }}
        >
          {tx('entraide.askItem', { title: <Fr>{item.title}</Fr> })}
        </Button>
      ) : (
        <p>{t('entraide.taken')}</p>
      )}
    </li>
  );
}

function LoanLine({ loan, reload }: { loan: Loan; reload: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const date = loan.dueOn ? ef.day(loan.dueOn) : '';
  // Cancelling a reservation frees the object: without network it waits on the phone and goes when it returns (issue 19).
  const { error, post, notice } = usePostThenReload(reload);
  return (
    <li className="entraide-card" data-status={loan.status}>
      <h3>
        <Fr>{loan.itemTitle}</Fr>
      </h3>
      <p>{t(`entraide.status_${loan.status}`, { date })}</p>
      <FormErrors error={error} />
      {notice}
      {loan.status === 'reserved' ? (
        <Button
          variant="secondary"
          onPress={() => post(`/api/entraide/loans/${loan.id}/cancel`, {}, t('pwa.loanCancel', { what: loan.itemTitle }), loan.itemTitle)}
        >
          {t('entraide.cancel')}
        </Button>
      ) : null}
    </li>
  );
}

export function ParentothequeView() {
  const t = useT();
  const items = useApi<Catalogue>('/api/entraide/items');
  const loans = useApi<Loans>('/api/entraide/loans/mine');
  const reload = () => {
    items.reload();
    loans.reload();
  };
  return (
    <div className="stack">
      <section aria-labelledby="entraide-loans">
        <h2 id="entraide-loans">{t('entraide.myLoans')}</h2>
        <Loaded resource={loans}>
          {(d) => (
            <>
              {d.loans.some((l) => l.status === 'overdue') ? <Alert tone="warning">{t('entraide.overdueAlert')}</Alert> : null}
              {d.loans.length ? (
                <ul className="entraide-list">
                  {d.loans.map((l) => (
                    <LoanLine key={l.id} loan={l} reload={reload} />
                  ))}
                </ul>
              ) : (
                <p>{t('entraide.noLoan')}</p>
              )}
            </>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="entraide-catalogue">
        <h2 id="entraide-catalogue">{t('entraide.catalogue')}</h2>
        <Loaded resource={items}>
          {(d) =>
            d.items.length ? (
              <ul className="entraide-list">
                {d.items.map((i) => (
                  <ItemCard key={i.id} item={i} onAsked={reload} />
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noItem')}</p>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}
