/** « Vos idées » : parents propose ideas for the plan, support those of others, and follow what they become. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../app/api';
import { useFormat, useT, useTx } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, LinkButton, LoadStatus, PageHeader, SelectField, TextField } from '../../ui';
import { StatusBadge } from './shared';
import type { IdeationPlans, MyIdeas, Proposal } from './types';

type IdeaEvent = MyIdeas['events'][number];

/** What happened to an idea, in the reader's language; the titles and the town's words stay French islands. */
function EventText({ e }: { e: IdeaEvent }) {
  const t = useT();
  const tx = useTx();
  return (
    <>
      {tx(`pilotage.idees.event.${e.kind}`, {
        idea: <Fr>{e.idea}</Fr>,
        action: <Fr>{e.action ?? e.idea}</Fr>,
        detail: e.detail ? <Fr>{e.detail}</Fr> : t('pilotage.idees.reasonUnknown'),
        same: !e.action || e.action === e.idea ? 'yes' : 'no',
        status: e.kind === 'action-status' ? (e.detail ?? 'other') : 'other',
      })}
    </>
  );
}

/** An axis of the plan as the town named it (French data). */
const axisOption = (a: IdeaPlan['axes'][number]) => ({ value: a.id, label: a.code ? `${a.code} — ${a.title}` : a.title, lang: 'fr' });

import type { MyInvitations } from '../../../src/modules/diagnostic/index';

/** A parent's invitations to a listening session of the diagnostic still waiting for its answer (its other way of being heard). */
function PendingInvitations() {
  const t = useT();
  const { user } = useSession();
  const r = useApi<MyInvitations>(user?.role === 'parent' ? '/api/diagnostic/listening/invitations/mine' : null);
  const n = r.data?.invitations.filter((i) => i.status === 'pending' && !i.session.cancelled).length ?? 0;
  if (!n) return null;
  return (
    <Alert tone="info">
      <p>{t('pilotage.idees.invitations', { n })}</p>
      <LinkButton to="/ecoute/invitations">{t('pilotage.idees.seeInvitations')}</LinkButton>
    </Alert>
  );
}

type IdeaPlan = IdeationPlans['plans'][number];

function ProposeForm({ plan, onSent }: { plan: IdeaPlan; onSent: () => void }) {
  const t = useT();
  const [axisId, setAxisId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  // Without network the idea waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    try {
      const sent = await queue.send({
        method: 'POST',
        url: '/api/pilotage/ideas',
        body: { planId: plan.id, axisId, title, body },
        label: t('pwa.idea', { what: title }),
        what: title,
      });
      setError(null);
      setTitle('');
      setBody('');
      if (sent.queued) return;
      setDone(true);
      onSent();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="card" aria-labelledby="propose">
      <h2 id="propose" style={{ marginTop: 0 }}>
        {t('pilotage.idees.proposeTitle')}
      </h2>
      <FormErrors error={error} labels={{ axisId: t('pilotage.idees.axis'), title: t('pilotage.idees.ideaTitle'), body: t('pilotage.idees.ideaBody') }} />
      {done ? (
        <Alert tone="success" live>
          {t('pilotage.idees.sent')}
        </Alert>
      ) : null}
      {queue.notice}
      <SelectField
        label={t('pilotage.idees.axis')}
        name="axis"
        value={axisId}
        onChange={setAxisId}
        isRequired
        error={error?.field('axisId')}
        options={[{ value: '', label: t('pilotage.idees.chooseAxis') }, ...plan.axes.map(axisOption)]}
      />
      <TextField label={t('pilotage.idees.ideaTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <TextField
        label={t('pilotage.idees.ideaBody')}
        help={t('pilotage.idees.ideaBodyHelp')}
        value={body}
        onChange={setBody}
        multiline
        isRequired
        error={error?.field('body')}
      />
      <Button type="submit">{t('pilotage.idees.send')}</Button>
    </form>
  );
}

function Mine({ version }: { version: number }) {
  const t = useT();
  const tx = useTx();
  const f = useFormat();
  const r = useApi<MyIdeas>(`/api/pilotage/ideas/mine?v=${version}`, { keepPrevious: true });
  return (
    <section aria-labelledby="mine" className="card">
      <h2 id="mine" style={{ marginTop: 0 }}>
        {t('pilotage.idees.mineTitle')}
      </h2>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && !r.data.proposals.length && !r.data.events.length ? <p className="muted">{t('pilotage.idees.mineEmpty')}</p> : null}
      {r.data?.proposals.length ? (
        <ul className="idea-mine">
          {r.data.proposals.map((p) => (
            <li key={p.id}>
              <strong>
                <Fr>{p.title}</Fr>
              </strong>{' '}
              — <span className="idea-state">{t(`pilotage.idees.status.${p.status}`)}</span>
              {p.refusalReason ? <div>{tx('pilotage.idees.reason', { reason: <Fr>{p.refusalReason}</Fr> })}</div> : null}
              {p.actionTitle ? <div>{tx('pilotage.idees.becameAction', { title: <Fr>{p.actionTitle}</Fr> })}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {r.data?.events.length ? (
        <>
          <h3>{t('pilotage.idees.news')}</h3>
          <ul className="idea-news">
            {r.data.events.map((e) => (
              <li key={e.id}>
                <span className="muted">{f.date(e.at)}</span> — <EventText e={e} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function IdeaCard({ p, canSupport, onChange }: { p: Proposal; canSupport: boolean; onChange: (p: Proposal) => void }) {
  const t = useT();
  const tx = useTx();
  const [error, setError] = useState<ApiError | null>(null);
  // Without network the support (or its withdrawal) waits on the phone; the count is read again once it went (issue 19).
  const queue = useQueuedForms();
  async function toggle() {
    try {
      const label = t(p.supportedByMe ? 'pwa.unsupport' : 'pwa.support', { what: p.title });
      const url = `/api/pilotage/ideas/${p.id}/support`;
      const s = await queue.send<{ supports: number; supportedByMe: boolean }>({
        method: p.supportedByMe ? 'DELETE' : 'POST',
        url,
        body: p.supportedByMe ? undefined : {},
        label,
        what: p.title,
      });
      setError(null);
      if (!s.queued) onChange({ ...p, ...s.data });
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <li className="card idea" aria-labelledby={`idea-${p.id}`}>
      <h4 id={`idea-${p.id}`} className="idea-title">
        <Fr>{p.title}</Fr>
      </h4>
      <p className="muted idea-origin">
        {p.origin === 'workshop' ? tx('pilotage.idees.fromWorkshop', { workshop: <Fr>{p.workshop ?? ''}</Fr> }) : t('pilotage.idees.online')}
      </p>
      <p className="idea-body">
        <Fr>{p.body}</Fr>
      </p>
      {p.actionTitle ? (
        <p className="idea-action">
          <span>{tx('pilotage.idees.becameAction', { title: <Fr>{p.actionTitle}</Fr> })}</span>{' '}
          {p.actionStatus ? <StatusBadge status={p.actionStatus} /> : null}
        </p>
      ) : null}
      <div className="row idea-support">
        <span className="idea-count">{t('pilotage.idees.supports', { n: p.supports })}</span>
        {canSupport ? (
          <Button
            variant={p.supportedByMe ? 'secondary' : 'primary'}
            onPress={toggle}
            isDisabled={queue.queued}
            aria-label={`${p.supportedByMe ? t('pilotage.idees.withdraw') : t('pilotage.idees.support')} : ${p.title}`}
          >
            {p.supportedByMe ? t('pilotage.idees.withdraw') : t('pilotage.idees.support')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
    </li>
  );
}

function Published({ plan, canSupport, version, onChange }: { plan: IdeaPlan; canSupport: boolean; version: number; onChange: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('supports');
  const [axisId, setAxisId] = useState('');
  const params = new URLSearchParams({ planId: plan.id, sort, v: String(version) });
  if (q) params.set('q', q);
  if (axisId) params.set('axisId', axisId);
  const r = useApi<{ proposals: Proposal[] }>(`/api/pilotage/ideas?${params}`, { keepPrevious: true });
  const groups = plan.axes
    .map((a) => ({ id: a.id, title: a.code ? `${a.code} — ${a.title}` : a.title, items: r.data?.proposals.filter((p) => p.axisId === a.id) ?? [] }))
    .concat([{ id: 'none', title: t('pilotage.idees.noAxis'), items: r.data?.proposals.filter((p) => !p.axisId) ?? [] }])
    .filter((g) => g.items.length);
  const replace = (p: Proposal) => {
    if (r.data) r.setData({ proposals: r.data.proposals.map((x) => (x.id === p.id ? p : x)) });
    onChange();
  };
  return (
    <section aria-labelledby="published">
      <h2 id="published">{t('pilotage.idees.publishedTitle')}</h2>
      <form className="row idea-filters" onSubmit={(e) => (e.preventDefault(), setQ(text.trim()))} role="search">
        <TextField label={t('pilotage.idees.search')} value={text} onChange={setText} error={r.error?.field('q')} />
        <Button type="submit" variant="secondary">
          {t('pilotage.idees.searchButton')}
        </Button>
        <SelectField
          label={t('pilotage.idees.sort')}
          name="sort"
          value={sort}
          onChange={setSort}
          options={[
            { value: 'supports', label: t('pilotage.idees.sortSupports') },
            { value: 'recent', label: t('pilotage.idees.sortRecent') },
          ]}
        />
        <SelectField
          label={t('pilotage.idees.axisFilter')}
          name="axis-filter"
          value={axisId}
          onChange={setAxisId}
          options={[{ value: '', label: t('pilotage.idees.allAxes') }, ...plan.axes.map(axisOption)]}
        />
      </form>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && !r.data.proposals.length ? <p className="muted">{t('pilotage.idees.none')}</p> : null}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`axis-${g.id}`}>
          <h3 id={`axis-${g.id}`}>{g.id === 'none' ? g.title : <Fr>{g.title}</Fr>}</h3>
          <ul className="ideas">
            {g.items.map((p) => (
              <IdeaCard key={p.id} p={p} canSupport={canSupport} onChange={replace} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export default function IdeasPage() {
  const t = useT();
  const { user } = useSession();
  const plans = useApi<IdeationPlans>('/api/pilotage/ideas/plans');
  const [planId, setPlanId] = useState('');
  const [version, setVersion] = useState(0);
  const plan = plans.data?.plans.find((p) => p.id === planId) ?? plans.data?.plans[0];
  const isParent = user?.role === 'parent';
  const bump = () => setVersion((v) => v + 1);
  return (
    <div className="pilotage">
      <PageHeader title={t('pilotage.idees.title')} intro={t('pilotage.idees.intro')} />
      <PendingInvitations />
      <LoadStatus data={plans.data} error={plans.error} reload={plans.reload} />
      {plans.data && !plan ? <p className="muted">{t('pilotage.idees.noPlan')}</p> : null}
      {plan ? (
        <>
          {plans.data!.plans.length > 1 ? (
            <SelectField
              label={t('pilotage.idees.plan')}
              name="plan"
              value={plan.id}
              onChange={setPlanId}
              options={plans.data!.plans.map((p) => ({ value: p.id, label: p.title, lang: 'fr' }))}
            />
          ) : (
            <p>
              <strong>
                <Fr>{plan.title}</Fr>
              </strong>
            </p>
          )}
          {plan.isDemo ? <DemoBadge label={t('pilotage.idees.example')} /> : null}
          {isParent ? (
            <div className="idea-columns">
              <ProposeForm plan={plan} onSent={bump} />
              <Mine version={version} />
            </div>
          ) : user ? (
            <p className="muted">{t('pilotage.idees.proposeStaff')}</p>
          ) : (
            <Alert tone="info">
              {t('pilotage.idees.proposeLogin')} <Link to="/connexion?retour=%2Fidees">{t('pilotage.idees.login')}</Link>
            </Alert>
          )}
          <Published plan={plan} canSupport={isParent} version={version} onChange={bump} />
        </>
      ) : null}
    </div>
  );
}
