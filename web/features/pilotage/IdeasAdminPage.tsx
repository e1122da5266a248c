/** The coordination's ideas page: open a plan to ideas, moderate, enter a workshop's ideas, turn one into an action, give news. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { frDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, LoadStatus, PageHeader, RequireRole, SelectField, Switch, TextField } from '../../ui';
import { READERS, StatusBadge, useCanEdit } from './shared';
import type { Plan, StaffProposal, StaffProposals } from './types';

type StaffPlan = StaffProposals['plans'][number];

/** A form's submit with its error and its « done » line. */
function useSubmit(run: () => Promise<unknown>, after: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setDone(false);
    try {
      await run();
      setError(null);
      setDone(true);
      after();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return { error, done, submit };
}

function Pending({ p, onDone }: { p: StaffProposal; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const publish = useSubmit(() => api.post(`/api/pilotage/ideas/${p.id}/moderation`, { decision: 'publish' }), onDone);
  const refuse = useSubmit(() => api.post(`/api/pilotage/ideas/${p.id}/moderation`, { decision: 'refuse', reason }), onDone);
  return (
    <li className="card idea" aria-labelledby={`pending-${p.id}`}>
      <h3 id={`pending-${p.id}`} className="idea-title">
        {p.title}
      </h3>
      <p className="muted">
        {t('pilotage.idees.by', { name: p.authorName ?? '—', date: frDate(p.createdAt) })}
        {p.axisTitle ? ` · ${p.axisCode ? `${p.axisCode} — ` : ''}${p.axisTitle}` : ''}
      </p>
      <p className="idea-body">{p.body}</p>
      <FormErrors error={publish.error ?? refuse.error} labels={{ reason: t('pilotage.idees.refuseReason') }} />
      <div className="row">
        <Button onPress={() => publish.submit()} aria-label={`${t('pilotage.idees.publish')} : ${p.title}`}>
          {t('pilotage.idees.publish')}
        </Button>
      </div>
      <form onSubmit={refuse.submit} className="idea-refuse">
        <TextField label={t('pilotage.idees.refuseReason')} value={reason} onChange={setReason} error={refuse.error?.field('reason')} />
        <Button type="submit" variant="danger" aria-label={`${t('pilotage.idees.refuse')} : ${p.title}`}>
          {t('pilotage.idees.refuse')}
        </Button>
      </form>
    </li>
  );
}

function WorkshopForm({ plan, onDone }: { plan: StaffPlan; onDone: () => void }) {
  const t = useT();
  const [axisId, setAxisId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [workshop, setWorkshop] = useState('');
  const s = useSubmit(
    () => api.post('/api/pilotage/ideas/workshop', { planId: plan.id, axisId, title, body, workshop }),
    () => (setTitle(''), setBody(''), onDone()),
  );
  return (
    <form className="card" onSubmit={s.submit} aria-labelledby="workshop-form">
      <h2 id="workshop-form" style={{ marginTop: 0 }}>
        {t('pilotage.idees.workshopTitle')}
      </h2>
      <FormErrors
        error={s.error}
        labels={{
          axisId: t('pilotage.idees.axis'),
          title: t('pilotage.idees.staffIdeaTitle'),
          body: t('pilotage.idees.staffIdeaBody'),
          workshop: t('pilotage.idees.workshop'),
        }}
      />
      {s.done ? (
        <Alert tone="success" live>
          {t('pilotage.idees.added')}
        </Alert>
      ) : null}
      <TextField
        label={t('pilotage.idees.workshop')}
        help={t('pilotage.idees.workshopHelp')}
        value={workshop}
        onChange={setWorkshop}
        isRequired
        error={s.error?.field('workshop')}
      />
      <SelectField
        label={t('pilotage.idees.axis')}
        name="workshop-axis"
        value={axisId}
        onChange={setAxisId}
        isRequired
        error={s.error?.field('axisId')}
        options={[
          { value: '', label: t('pilotage.idees.chooseAxis') },
          ...plan.axes.map((a) => ({ value: a.id, label: a.code ? `${a.code} — ${a.title}` : a.title })),
        ]}
      />
      <TextField label={t('pilotage.idees.staffIdeaTitle')} value={title} onChange={setTitle} isRequired error={s.error?.field('title')} />
      <TextField label={t('pilotage.idees.staffIdeaBody')} value={body} onChange={setBody} multiline isRequired error={s.error?.field('body')} />
      <Button type="submit">{t('pilotage.idees.add')}</Button>
    </form>
  );
}

function ToAction({ p, tree, onDone }: { p: StaffProposal; tree: Plan | undefined; onDone: () => void }) {
  const t = useT();
  const [objectiveId, setObjectiveId] = useState('');
  const [title, setTitle] = useState(p.title);
  const s = useSubmit(() => api.post(`/api/pilotage/ideas/${p.id}/action`, { objectiveId, title }), onDone);
  // The objectives of the idea's axis first, then the plan's others.
  const objectives = (tree?.axes ?? [])
    .slice()
    .sort((a, b) => Number(b.id === p.axisId) - Number(a.id === p.axisId))
    .flatMap((a) => a.objectives.map((o) => ({ value: o.id, label: `${o.code ? `${o.code} ` : ''}${o.title}` })));
  return (
    <form onSubmit={s.submit} aria-label={`${t('pilotage.idees.toAction')} : ${p.title}`}>
      <h4 style={{ margin: '0.5rem 0' }}>{t('pilotage.idees.toAction')}</h4>
      <FormErrors error={s.error} labels={{ objectiveId: t('pilotage.idees.objective'), title: t('pilotage.idees.actionTitle') }} />
      <SelectField
        label={t('pilotage.idees.objective')}
        name={`objective-${p.id}`}
        value={objectiveId}
        onChange={setObjectiveId}
        isRequired
        error={s.error?.field('objectiveId')}
        options={[{ value: '', label: t('pilotage.idees.chooseObjective') }, ...objectives]}
      />
      <TextField label={t('pilotage.idees.actionTitle')} value={title} onChange={setTitle} isRequired error={s.error?.field('title')} />
      <Button type="submit">{t('pilotage.idees.create')}</Button>
    </form>
  );
}

function News({ p }: { p: StaffProposal }) {
  const t = useT();
  const [text, setText] = useState('');
  const s = useSubmit(
    () => api.post(`/api/pilotage/ideas/${p.id}/news`, { text }),
    () => setText(''),
  );
  return (
    <form onSubmit={s.submit} aria-label={`${t('pilotage.idees.newsLabel')} : ${p.title}`}>
      <FormErrors error={s.error} labels={{ text: t('pilotage.idees.newsLabel') }} />
      {s.done ? (
        <Alert tone="success" live>
          {t('pilotage.idees.newsSent')}
        </Alert>
      ) : null}
      <TextField label={t('pilotage.idees.newsLabel')} value={text} onChange={setText} multiline error={s.error?.field('text')} />
      <Button type="submit" variant="secondary">
        {t('pilotage.idees.newsSend')}
      </Button>
    </form>
  );
}

function PublishedIdea({ p, tree, canEdit, onDone }: { p: StaffProposal; tree: Plan | undefined; canEdit: boolean; onDone: () => void }) {
  const t = useT();
  return (
    <li className="card idea" aria-labelledby={`pub-${p.id}`}>
      <h3 id={`pub-${p.id}`} className="idea-title">
        {p.title}
      </h3>
      <p className="muted">
        {p.origin === 'workshop'
          ? t('pilotage.idees.fromWorkshop', { workshop: p.workshop ?? '' })
          : t('pilotage.idees.by', { name: p.authorName ?? '—', date: frDate(p.createdAt) })}
        {p.axisTitle ? ` · ${p.axisCode ? `${p.axisCode} — ` : ''}${p.axisTitle}` : ''}
      </p>
      <p className="idea-count">{t('pilotage.idees.supports', { n: p.supports })}</p>
      {p.actionId ? (
        <>
          <p className="idea-action">
            <Link to={`/pilotage/actions/${p.actionId}`}>{t('pilotage.idees.becameAction', { title: p.actionTitle ?? '' })}</Link>{' '}
            {p.actionStatus ? <StatusBadge status={p.actionStatus} /> : null}
          </p>
          {canEdit ? <News p={p} /> : null}
        </>
      ) : canEdit ? (
        <ToAction p={p} tree={tree} onDone={onDone} />
      ) : null}
    </li>
  );
}

function PlanIdeas({ plan, onChange }: { plan: StaffPlan; onChange: () => void }) {
  const t = useT();
  const canEdit = useCanEdit();
  const [open, setOpen] = useState(plan.ideationOpen);
  const r = useApi<StaffProposals>(`/api/pilotage/ideas/staff?planId=${plan.id}&sort=supports`, { keepPrevious: true });
  const tree = useApi<Plan>(canEdit ? `/api/pilotage/plans/${plan.id}` : null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = () => (r.reload(), onChange());
  async function toggle(v: boolean) {
    try {
      await api.put(`/api/pilotage/plans/${plan.id}/ideation`, { open: v });
      setOpen(v);
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const list = r.data?.proposals ?? [];
  const pending = list.filter((p) => p.status === 'pending');
  const published = list.filter((p) => p.status === 'published');
  const refused = list.filter((p) => p.status === 'refused');
  return (
    <>
      {plan.isDemo ? <DemoBadge label={t('pilotage.idees.example')} /> : null}
      {canEdit ? (
        <Switch isSelected={open} onChange={toggle}>
          {t('pilotage.idees.open')}
        </Switch>
      ) : null}
      <FormErrors error={error} />
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      <section aria-labelledby="pending">
        <h2 id="pending">{t('pilotage.idees.pendingTitle', { n: pending.length })}</h2>
        {r.data && !pending.length ? <p className="muted">{t('pilotage.idees.pendingEmpty')}</p> : null}
        <ul className="ideas">
          {pending.map((p) =>
            canEdit ? <Pending key={p.id} p={p} onDone={reload} /> : <PublishedIdea key={p.id} p={p} tree={undefined} canEdit={false} onDone={reload} />,
          )}
        </ul>
      </section>
      {canEdit ? <WorkshopForm plan={plan} onDone={reload} /> : null}
      <section aria-labelledby="published">
        <h2 id="published">{t('pilotage.idees.publishedTitle')}</h2>
        <ul className="ideas">
          {published.map((p) => (
            <PublishedIdea key={p.id} p={p} tree={tree.data ?? undefined} canEdit={canEdit} onDone={reload} />
          ))}
        </ul>
      </section>
      {refused.length ? (
        <section aria-labelledby="refused">
          <h2 id="refused">{t('pilotage.idees.refusedTitle', { n: refused.length })}</h2>
          <ul>
            {refused.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> — {t('pilotage.idees.reason', { reason: p.refusalReason ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Page() {
  const t = useT();
  const plans = useApi<StaffProposals>('/api/pilotage/ideas/staff?status=pending');
  const [planId, setPlanId] = useState('');
  const plan = plans.data?.plans.find((p) => p.id === planId) ?? plans.data?.plans[0];
  return (
    <div className="pilotage">
      <p className="breadcrumb">
        <Link to="/pilotage">{t('pilotage.idees.back')}</Link>
      </p>
      <PageHeader title={t('pilotage.idees.staffTitle')} intro={t('pilotage.idees.staffIntro')} />
      <LoadStatus data={plans.data} error={plans.error} reload={plans.reload} />
      {plans.data && plan ? (
        <>
          <SelectField
            label={t('pilotage.idees.plan')}
            name="staff-plan"
            value={plan.id}
            onChange={setPlanId}
            options={plans.data.plans.map((p) => ({
              value: p.id,
              label: p.pending ? `${p.title} (${t('pilotage.idees.pendingTitle', { n: p.pending })})` : p.title,
            }))}
          />
          <PlanIdeas key={plan.id} plan={plan} onChange={plans.reload} />
        </>
      ) : null}
    </div>
  );
}

export default function IdeasAdminPage() {
  return (
    <RequireRole roles={[...READERS]}>
      <Page />
    </RequireRole>
  );
}
