/** A plan and its structure: axes → objectives → actions. Coordination adds and renames; everyone staff reads. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate, useParams } from '../../app/router';
import { Alert, Button, DemoBadge, PageHeader, RequireRole, Switch, TextField, LoadStatus } from '../../ui';
import { READERS, StatusBadge, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import type { Axis, Objective, Plan } from './types';

/** A one-or-two-field form that POSTs then reloads. */
function AddForm({
  url,
  label,
  fields,
  onDone,
  extra,
}: {
  url: string;
  label: string;
  fields: { key: string; label: string; required?: boolean }[];
  onDone: () => void;
  extra?: Record<string, unknown>;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(url, { ...extra, ...values });
      setValues({});
      setError(null);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <details>
      <summary>{label}</summary>
      <form className="body" onSubmit={submit}>
        {error ? (
          <Alert tone="error" live>
            {error.message}
          </Alert>
        ) : null}
        {fields.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={values[f.key] ?? ''}
            onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
            isRequired={f.required}
            error={error?.field(f.key)}
          />
        ))}
        <Button type="submit">{label}</Button>
      </form>
    </details>
  );
}

/** Rename (and re-describe) an axis or an objective, or delete it with what it holds. */
function EditForm({
  url,
  label,
  initial,
  withGoals,
  onDone,
}: {
  url: string;
  label: string;
  initial: { code: string; title: string; description: string; goals?: string[] };
  withGoals?: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const [code, setCode] = useState(initial.code);
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [goals, setGoals] = useState((initial.goals ?? []).join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.patch(url, {
        code,
        title,
        description,
        ...(withGoals
          ? {
              goals: goals
                .split('\n')
                .map((g) => g.trim())
                .filter(Boolean),
            }
          : {}),
      });
      setError(null);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function remove() {
    if (!window.confirm(t('pilotage.confirmDelete', { what: title }))) return;
    await api.del(url);
    onDone();
  }
  return (
    <details>
      <summary>{label}</summary>
      <form className="body" onSubmit={submit}>
        {error ? (
          <Alert tone="error" live>
            {error.message}
          </Alert>
        ) : null}
        <div className="grid-2">
          <TextField label={t('pilotage.code')} value={code} onChange={setCode} error={error?.field('code')} />
          <TextField label={t('pilotage.titleField')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
        </div>
        <TextField label={t('pilotage.description')} value={description} onChange={setDescription} multiline error={error?.field('description')} />
        {withGoals ? (
          <TextField label={t('pilotage.goals')} help={t('pilotage.goalsHelp')} value={goals} onChange={setGoals} multiline error={error?.field('goals')} />
        ) : null}
        <div className="row">
          <Button type="submit">{t('pilotage.save')}</Button>
          <Button variant="danger" onPress={remove}>
            {t('pilotage.delete')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function ObjectiveBlock({ o, canEdit, reload }: { o: Objective; canEdit: boolean; reload: () => void }) {
  const t = useT();
  return (
    <section className="objective" aria-labelledby={`o-${o.id}`}>
      <h3 id={`o-${o.id}`}>
        {o.code ? `${o.code}. ` : ''}
        {o.title}
      </h3>
      {o.description ? (
        <details>
          <summary>{t('pilotage.description')}</summary>
          <div className="body">
            {o.description.split('\n\n').map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ) : null}
      {o.actions.length === 0 ? <p className="muted">{t('pilotage.noAction')}</p> : null}
      <ul className="actions-list" aria-label={`${t('pilotage.actionsOf')} — ${o.code || o.title}`}>
        {o.actions.map((a) => (
          <li key={a.id}>
            <Link to={`/pilotage/actions/${a.id}`}>{a.title}</Link>
            <StatusBadge status={a.status} />
            {a.indicators.length ? <span className="muted">{t('pilotage.indicatorCount', { n: a.indicators.length })}</span> : null}
          </li>
        ))}
      </ul>
      {canEdit ? <EditForm url={`/api/pilotage/objectives/${o.id}`} label={t('pilotage.editObjective')} initial={o} onDone={reload} /> : null}
      {canEdit ? (
        <AddForm
          url={`/api/pilotage/objectives/${o.id}/actions`}
          label={t('pilotage.addAction')}
          fields={[{ key: 'title', label: t('pilotage.actionTitle'), required: true }]}
          onDone={reload}
        />
      ) : null}
    </section>
  );
}

function AxisBlock({ a, canEdit, reload, open }: { a: Axis; canEdit: boolean; reload: () => void; open: boolean }) {
  const t = useT();
  const n = a.objectives.reduce((s, o) => s + o.actions.length, 0);
  return (
    <details open={open}>
      <summary>
        <span>
          {a.code ? `${a.code} — ` : ''}
          {a.title}
        </span>{' '}
        <span className="muted">({n} actions)</span>
      </summary>
      <div className="body">
        {a.description ? <p>{a.description.split('\n\n')[0]}</p> : null}
        {a.goals.length ? (
          <>
            <h3>{t('pilotage.goals')}</h3>
            <ul className="goals">
              {a.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </>
        ) : null}
        {a.objectives.map((o) => (
          <ObjectiveBlock key={o.id} o={o} canEdit={canEdit} reload={reload} />
        ))}
        {canEdit ? <EditForm url={`/api/pilotage/axes/${a.id}`} label={t('pilotage.editAxis')} initial={a} withGoals onDone={reload} /> : null}
        {canEdit ? (
          <AddForm
            url={`/api/pilotage/axes/${a.id}/objectives`}
            label={t('pilotage.addObjective')}
            fields={[
              { key: 'code', label: t('pilotage.objectiveCode') },
              { key: 'title', label: t('pilotage.objectiveTitle'), required: true },
            ]}
            onDone={reload}
          />
        ) : null}
      </div>
    </details>
  );
}

function EditPlan({ plan, reload }: { plan: Plan; reload: () => void }) {
  const t = useT();
  const [title, setTitle] = useState(plan.title);
  const [description, setDescription] = useState(plan.description);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.patch(`/api/pilotage/plans/${plan.id}`, { title, description });
      setSaved(true);
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <details>
      <summary>{t('pilotage.editPlan')}</summary>
      <form className="body" onSubmit={submit}>
        {error ? (
          <Alert tone="error" live>
            {error.message}
          </Alert>
        ) : null}
        <TextField label={t('pilotage.planTitle')} value={title} onChange={(v) => (setTitle(v), setSaved(false))} isRequired error={error?.field('title')} />
        <TextField
          label={t('pilotage.planDescription')}
          value={description}
          onChange={(v) => (setDescription(v), setSaved(false))}
          multiline
          error={error?.field('description')}
        />
        <div className="row">
          <Button type="submit">{t('pilotage.save')}</Button>
          <span role="status" className="saved">
            {saved ? t('pilotage.saved') : ''}
          </span>
          <Button
            variant="danger"
            onPress={async () => {
              if (!window.confirm(t('pilotage.confirmDelete', { what: plan.title }))) return;
              await api.del(`/api/pilotage/plans/${plan.id}`);
              navigate('/pilotage');
            }}
          >
            {t('pilotage.deletePlan')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function Publish({ plan, reload }: { plan: Plan; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  async function toggle(published: boolean) {
    try {
      await api.put(`/api/pilotage/plans/${plan.id}/published`, { published });
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <div className="card" style={{ margin: '1rem 0' }}>
      {error ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      <Switch isSelected={Boolean(plan.publishedAt)} onChange={toggle}>
        {t('pilotage.publish')}
      </Switch>
      <p className="muted" style={{ marginBottom: 0 }}>
        {t('pilotage.publishHelp')}
      </p>
      {plan.publishedAt ? (
        <p style={{ marginBottom: 0 }}>
          <Link to={`/plan-d-action/${plan.id}`}>{t('pilotage.publicLink')}</Link>
        </p>
      ) : null}
    </div>
  );
}

export default function PlanPage() {
  const t = useT();
  const { id } = useParams();
  const canEdit = useCanEdit();
  const { data: plan, error, reload } = useApi<Plan>(`/api/pilotage/plans/${id}`);
  return (
    <div className="pilotage">
      <p className="breadcrumb no-print">
        <Link to="/pilotage">{t('pilotage.title')}</Link>
      </p>
      <RequireRole roles={[...READERS]}>
        <LoadStatus data={plan} error={error} />
        {plan ? (
          <>
            <PageHeader title={plan.title} intro={plan.description}>
              {plan.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
              {plan.source ? (
                <p className="muted">
                  {t('pilotage.source')} : {plan.source}
                </p>
              ) : null}
              <p>
                <Link to={`/pilotage/plans/${plan.id}/tableau-de-bord`}>{t('pilotage.dashboard')}</Link>
              </p>
            </PageHeader>
            {!canEdit ? <Alert tone="info">{t('pilotage.readOnly')}</Alert> : <EditPlan plan={plan} reload={reload} />}
            {canEdit ? <Publish plan={plan} reload={reload} /> : null}
            <h2>{t('pilotage.axis')}s</h2>
            {plan.axes.map((a, i) => (
              <AxisBlock key={a.id} a={a} canEdit={canEdit} reload={reload} open={i === 0} />
            ))}
            {canEdit ? (
              <AddForm
                url={`/api/pilotage/plans/${plan.id}/axes`}
                label={t('pilotage.addAxis')}
                fields={[
                  { key: 'code', label: t('pilotage.axisCode') },
                  { key: 'title', label: t('pilotage.axisTitle'), required: true },
                ]}
                onDone={reload}
              />
            ) : null}
          </>
        ) : null}
      </RequireRole>
    </div>
  );
}
