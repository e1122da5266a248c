/** One persona: who, what they need, and the figures (live, from the answers) and verbatims it rests on. */
import { useState } from 'react';
import { api } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { navigate, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/Button';
import { Card, DemoBadge, EmptyState, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';
import { Loaded } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';
import { quoted } from '../../../src/modules/diagnostic/shared';
import listeningMessages from './listening-messages';
import { ListeningNav, Quote, useFormError } from './listening-ui';
import { PersonaForm } from './persona-form';
import type { PersonaView } from './types';
import './diagnostic.css';

registerMessages('diagnostic.ecoute', listeningMessages);

const pct = (v: number) => `${v.toFixed(1).replace('.', ',')}\u00a0%`;
const dec = (v: number) => v.toFixed(2).replace('.', ',');

function Figures({ p }: { p: PersonaView }) {
  const t = useT();
  if (!p.figures.length) return <p className="muted">{t('diagnostic.ecoute.figuresNone')}</p>;
  return (
    <ul className="diag-figures">
      {p.figures.map((f) => (
        <li key={`${f.questionnaireId}-${f.questionId}-${f.answer}`}>
          <strong>
            {f.value === null
              ? t('diagnostic.ecoute.noAnswer')
              : f.kind === 'share'
                ? t('diagnostic.ecoute.share', { value: pct(f.value), count: f.count ?? 0, answered: f.answered, answer: f.answer })
                : t('diagnostic.ecoute.mean', { value: dec(f.value), max: f.scaleMax ? ` / ${f.scaleMax}` : '', answered: f.answered })}
          </strong>
          <div>{f.questionLabel}</div>
          <div className="muted diag-small">{f.questionnaireTitle}</div>
        </li>
      ))}
    </ul>
  );
}

function Persona({ p, setData }: { p: PersonaView; setData: (p: PersonaView) => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { error, run } = useFormError();
  return (
    <>
      <PageHeader title={p.name}>
        {p.isDemo ? <DemoBadge /> : null}
        <ListeningNav current="persona" />
      </PageHeader>
      <div className="diag-persona">
        <section aria-labelledby="pe-situation">
          <h2 id="pe-situation">{t('diagnostic.ecoute.situation')}</h2>
          <p>{p.situation}</p>
          <h2>{t('diagnostic.ecoute.needs')}</h2>
          <p>{p.needs}</p>
          {p.quote ? <p className="diag-persona-quote">{quoted(p.quote)}</p> : null}
        </section>
        <section aria-labelledby="pe-figures">
          <h2 id="pe-figures">{t('diagnostic.ecoute.figures')}</h2>
          <Figures p={p} />
        </section>
      </div>
      <section aria-labelledby="pe-verbatims">
        <h2 id="pe-verbatims">{t('diagnostic.ecoute.basisVerbatims')}</h2>
        {p.verbatims.length ? p.verbatims.map((v) => <Quote key={v.id} v={v} />) : <EmptyState>{t('diagnostic.ecoute.basisVerbatimsNone')}</EmptyState>}
      </section>
      <FormErrors error={error} />
      <div className="diag-actions">
        <Button variant="secondary" onPress={() => setEditing(!editing)} aria-expanded={editing}>
          {t('diagnostic.ecoute.editPersona')}
        </Button>
        <Button
          variant="danger"
          onPress={() =>
            run(async () => {
              await api.del(`/api/diagnostic/personas/${p.id}`);
              navigate('/diagnostic/personas');
            })
          }
        >
          {t('diagnostic.ecoute.deletePersona')}
        </Button>
      </div>
      {editing ? (
        <Card title={t('diagnostic.ecoute.editPersona')}>
          <PersonaForm
            initial={p}
            onSaved={(next) => {
              setData(next);
              setEditing(false);
            }}
          />
        </Card>
      ) : null}
    </>
  );
}

function Page({ id }: { id: string }) {
  const r = useApi<PersonaView>(`/api/diagnostic/personas/${id}`);
  return <Loaded resource={r}>{(p) => <Persona p={p} setData={r.setData} />}</Loaded>;
}

export default function PersonaPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Page id={id!} />
    </RequireRole>
  );
}
