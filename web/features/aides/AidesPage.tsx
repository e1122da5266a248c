/** "Demander une aide": the aids for the logged-in family (from its file), its requests, and every aid with its conditions (no account needed). */
import { useDeferredValue, useState } from 'react';
import { useFormat, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, LinkButton, LoadStatus, NativeNumberField, PageHeader } from '../../ui';
import { statusText } from './shared';
import { byLikelihood, EligibilityItem } from './EligibilityItem';
import { Simulator } from './Simulator';
import type { AidsList, EligibilityList, MandatesView, MyRequests } from '../../../src/modules/aides';
import type { ApiError } from '../../app/api';
import { useQueuedForms } from '../../app/pwa';

function MyAids() {
  const t = useT();
  const [months, setMonths] = useState<number | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const r = useApi<EligibilityList>(`/api/aides/me/eligibilite${applied !== null ? `?residenceMonths=${applied}` : ''}`, { keepPrevious: true });
  const asksResidence = r.data?.results.some((x) => x.questions.some((q) => q.key === 'residence'));
  if (r.error?.code === 'aides/no-household') {
    return (
      <Alert tone="info" title={t('aides.mine')}>
        <p>{t('aides.noFile')}</p>
        <LinkButton to="/dossier/remplir">{t('aides.fillFile')}</LinkButton>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="mine">
      <h2 id="mine">{t('aides.mine')}</h2>
      <p className="muted">{t('aides.mineIntro')}</p>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {asksResidence || applied !== null ? (
        <form className="item-row" onSubmit={(e) => (e.preventDefault(), setApplied(months))}>
          <NativeNumberField label={t('aides.residence')} value={months} onChange={setMonths} minValue={0} maxValue={1200} />
          <Button type="submit" variant="secondary">
            {t('aides.update')}
          </Button>
        </form>
      ) : null}
      {r.data ? (
        <ul className="item-list">
          {[...r.data.results].sort(byLikelihood).map((x) => (
            <EligibilityItem key={x.aid} x={x} askHref={`/aides/demander/${x.aid}${applied !== null ? `?residence=${applied}` : ''}`} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MyRequestsList() {
  const t = useT();
  const f = useFormat();
  const r = useApi<MyRequests>('/api/aides/me/demandes');
  return (
    <section aria-labelledby="my-requests">
      <h2 id="my-requests">{t('aides.myRequests')}</h2>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && !r.data.requests.length ? <p className="muted">{t('aides.noRequest')}</p> : null}
      {r.data?.requests.length ? (
        <ul className="item-list">
          {r.data.requests.map((x) => (
            <li key={x.id} className="item-card">
              <Link to={`/aides/demandes/${x.id}`}>
                <Fr>{x.aidTitle}</Fr>
              </Link>{' '}
              — <span className="badge">{statusText(t, x.status, x.statusLabel)}</span> <span className="muted">{f.longDate(x.statusChangedAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MyMandates() {
  const t = useT();
  const f = useFormat();
  const r = useApi<MandatesView>('/api/aides/me/mandats');
  // Ending a mandate must work whenever the family wants: without network it waits on the phone (docs/pwa.md).
  const queue = useQueuedForms();
  const [error, setError] = useState<ApiError | null>(null);
  if (!r.data?.mandates.length) return null;
  const revoke = (id: string, purpose: string) => {
    setError(null);
    queue
      .send({ method: 'POST', url: `/api/aides/me/mandats/${id}/revoke`, body: {}, label: t('pwa.mandateRevoke', { what: purpose }), what: purpose })
      .then((sent) => (sent.queued ? undefined : r.reload()))
      .catch((e: unknown) => setError(e as ApiError));
  };
  return (
    <section aria-labelledby="my-mandates">
      <h2 id="my-mandates">{t('aides.myMandates')}</h2>
      <FormErrors error={error} />
      {queue.notice}
      <ul className="item-list">
        {r.data.mandates.map((m) => (
          <li key={m.id} className="item-card">
            <p>
              <Fr>{m.purpose}</Fr> — {m.agentName ?? t('aides.agent')},{' '}
              {m.revokedAt ? t('aides.revoked') : t('aides.until', { date: f.longDate(m.validUntil) })}
            </p>
            {!m.revokedAt ? (
              <Button variant="secondary" isDisabled={queue.queued} onPress={() => revoke(m.id, m.purpose)}>
                {t('aides.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Catalogue() {
  const t = useT();
  const session = useSession();
  const r = useApi<AidsList>('/api/aides');
  // The simulator does not wait for the catalogue (its form is the first screen on a phone, issue 18:
  // Lighthouse), only for the session, which says whether it is shown: nothing appears above what is
  // already painted (a layout shift Lighthouse counts on phones). The list comes below it, off screen.
  // Both are drawn as deferred renders, which React splits into short tasks: no long task on a phone.
  const loading = useDeferredValue(session.loading);
  const data = useDeferredValue(r.data);
  const { user } = session;
  if (loading) return <LoadStatus data={null} error={null} reload={r.reload} />;
  const list = data ? <CatalogueList data={data} /> : <LoadStatus data={data} error={r.error} reload={r.reload} />;
  return (
    <>
      {/* Without an account (or for someone else, at the desk): every aid against the answers given here. */}
      {user?.role !== 'parent' ? <Simulator aids={data?.aids ?? null} /> : null}
      <section aria-labelledby="all-aids">
        <h2 id="all-aids">{t('aides.all')}</h2>
        <p className="muted">{t('aides.allIntro')}</p>
        {/* A family sees its own aids above: the whole catalogue folds away, on a phone it is long. */}
        {user?.role === 'parent' ? (
          <details>
            <summary>{t('aides.showAll')}</summary>
            {list}
          </details>
        ) : (
          list
        )}
      </section>
    </>
  );
}

function CatalogueList({ data }: { data: AidsList }) {
  const t = useT();
  const { user } = useSession();
  return (
    <ul className="item-list">
      {data.aids.map((a) => (
        <li key={a.aidId} id={`aide-${a.aidId}`} className="item-card">
          <h3>
            <Fr>{a.definition.title}</Fr>
          </h3>
          {a.definition.demo ? <DemoBadge label={t('aides.demo')} /> : null}
          <p>
            <Fr>{a.definition.summary}</Fr>
          </p>
          <p>
            <strong>{t('aides.gives')}</strong> <Fr>{a.benefitText}</Fr>
          </p>
          <p>
            <strong>{t('aides.conditions')}</strong>
          </p>
          <ul>
            {a.conditionsText.map((c) => (
              <li key={c}>
                <Fr>{c}</Fr>
              </li>
            ))}
          </ul>
          <p>
            <strong>{t('aides.howToAsk')}</strong> <Fr>{a.definition.how_to_ask}</Fr>
          </p>
          {!user ? <Link to="/connexion">{t('aides.login')}</Link> : null}
          {user && ['admin', 'coordinator'].includes(user.role) ? <Link to={`/aides/admin/${a.aidId}`}>{t('aides.edit')}</Link> : null}
        </li>
      ))}
    </ul>
  );
}

export default function AidesPage() {
  const t = useT();
  const { user } = useSession();
  const staff = user && ['agent', 'coordinator', 'admin'].includes(user.role);
  return (
    <>
      <PageHeader title={t('aides.title')} intro={t('aides.intro')} />
      {staff ? (
        <nav aria-label={t('aides.staffLinks')} className="item-row">
          <LinkButton to="/aides/instruction" variant="secondary">
            {t('aides.queue')}
          </LinkButton>
          <LinkButton to="/aides/fonds" variant="secondary">
            {t('aides.funds')}
          </LinkButton>
        </nav>
      ) : null}
      {user?.role === 'parent' ? (
        <>
          <MyAids />
          <MyRequestsList />
          <MyMandates />
        </>
      ) : null}
      <Catalogue />
    </>
  );
}
