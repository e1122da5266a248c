/** The family's applications: status; once published, its points by criterion, rank, outcome, last admitted score per group chosen; answering an offer. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useFormat, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Loaded, PageHeader, RequireRole } from '../../ui';
import { score } from './display';
import messages from './messages';
import { PointsTable } from './PointsTable';
import type { MyApplication } from '../../../src/modules/attribution';
import './attribution.css';

registerMessages('attribution', messages);

function Offer({ a, reload }: { a: MyApplication; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [error, setError] = useState<string | null>(null);
  const o = a.offer!;
  async function answer(kind: 'confirm' | 'refuse') {
    try {
      await api.post(`/api/attribution/offers/${o.id}/${kind}`);
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : null);
    }
  }
  if (o.status === 'confirmed') return <Alert tone="success">{t('attribution.confirmed', { group: o.groupLabel })}</Alert>;
  if (o.status === 'refused') return <Alert tone="info">{t('attribution.refused', { group: o.groupLabel })}</Alert>;
  if (o.status === 'expired') return <Alert tone="warning">{t('attribution.expired', { group: o.groupLabel })}</Alert>;
  return (
    <div className="offer">
      <h4 style={{ margin: '0 0 0.3rem' }}>{t('attribution.offerTitle', { group: o.groupLabel })}</h4>
      <p style={{ margin: '0 0 0.5rem' }}>{t('attribution.offerDeadline', { date: f.dateTime(o.expiresAt) })}</p>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <div className="row">
        <Button onPress={() => answer('confirm')}>{t('attribution.confirm')}</Button>
        <Button variant="secondary" onPress={() => answer('refuse')}>
          {t('attribution.refuse')}
        </Button>
      </div>
      <p className="muted" style={{ marginBottom: 0 }}>
        {t('attribution.refuseWarning')}
      </p>
    </div>
  );
}

function Withdraw({ a, reload }: { a: MyApplication; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  async function go() {
    try {
      await api.post(`/api/attribution/me/applications/${a.id}/withdraw`);
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : null);
    }
  }
  return (
    <>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <Button variant="secondary" onPress={go}>
        {t('attribution.withdraw')}
      </Button>
    </>
  );
}

function Application({ a, reload }: { a: MyApplication; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const pts = (v: number | null) => score(v, f.locale);
  const r = a.result;
  return (
    <li className="card">
      <h2>
        <Fr>{a.campaignTitle}</Fr>
      </h2>
      <p className="meta">
        {a.childFirstName ? <strong>{t('attribution.forChild', { name: a.childFirstName })}</strong> : null}
        <span className="muted">{t('attribution.submittedOn', { date: f.longDate(a.submittedAt) })}</span>
      </p>
      {a.status === 'withdrawn' ? (
        <p>{t('attribution.withdrawn')}</p>
      ) : !r ? (
        <>
          <p>
            {t(`attribution.status.${a.campaignStatus}`)} — {t('attribution.waitingResults')}
          </p>
          <h3 style={{ fontSize: '1rem' }}>{t('attribution.yourChoices')}</h3>
          <ol>
            {a.choices.map((c) => (
              <li key={c.id}>
                <Fr>{c.label}</Fr>
              </li>
            ))}
          </ol>
          {a.campaignStatus !== 'published' ? <Withdraw a={a} reload={reload} /> : null}
        </>
      ) : (
        <>
          <div className="result-head">
            <span className="figure">{t('attribution.yourScore', { score: pts(r.score) })}</span>
            <span>{t('attribution.yourRank', { rank: r.rank, total: r.total })}</span>
            <strong>
              {r.outcome.status === 'admitted'
                ? t('attribution.admitted', { group: r.outcome.groupLabel ?? '' })
                : t('attribution.waitlisted', { n: r.outcome.position ?? 0 })}
            </strong>
          </div>
          {a.offer ? <Offer a={a} reload={reload} /> : null}
          <PointsTable caption={t('attribution.breakdownTitle')} breakdown={r.breakdown} total={r.score} />
          <div className="table-scroll">
            <table>
              <caption style={{ textAlign: 'start', fontWeight: 700 }}>{t('attribution.lastAdmittedTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attribution.group')}</th>
                  <th scope="col" className="num">
                    {t('attribution.lastAdmittedShort')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.choices.map((c, i) => (
                  <tr key={c.id}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {i + 1}. <Fr>{c.label}</Fr>
                    </th>
                    <td className="num">{c.lastAdmittedScore === null ? t('attribution.noneAdmitted') : pts(c.lastAdmittedScore)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p style={{ marginBottom: 0 }}>
        <Link to={`/places/campagnes/${a.campaignId}`}>{t('attribution.readRules')}</Link>
      </p>
    </li>
  );
}

function Mine() {
  const t = useT();
  const loc = useLocation();
  const r = useApi<{ applications: MyApplication[] }>('/api/attribution/me/applications');
  return (
    <>
      {loc.search.has('envoye') ? (
        <Alert tone="success" live>
          {t('attribution.sent')}
        </Alert>
      ) : null}
      <Loaded resource={r}>
        {(d) =>
          d.applications.length ? (
            <ul className="campaign-list">
              {d.applications.map((a) => (
                <Application key={a.id} a={a} reload={r.reload} />
              ))}
            </ul>
          ) : (
            <p>
              {t('attribution.noApplication')} <Link to="/places">{t('attribution.campaigns')}</Link>
            </p>
          )
        }
      </Loaded>
    </>
  );
}

export default function MyApplicationsPage() {
  const t = useT();
  return (
    <div className="attribution">
      <PageHeader title={t('attribution.myTitle')} intro={t('attribution.myIntro')} />
      <RequireRole roles={['parent']}>
        <Mine />
      </RequireRole>
    </div>
  );
}
