/** The questionnaire builder: questions of every type, conditions, a live preview, publishing, collecting. */
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { Link, useParams } from '../../app/router';
import { Button } from '../../ui/Button';
import { Alert, Card, PageHeader } from '../../ui/display';
import { SelectField, TextField } from '../../ui/fields';
import { FormErrors } from '../../ui/FormErrors';
import { RequireRole } from '../../ui/RequireRole';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES } from '../../../src/modules/diagnostic/shared';
import { AnsweringFlow } from './AnsweringFlow';
import { emptyQuestion, fromDefinition, previewable, toDefinition, type DraftSurvey } from './builder-model';
import { CollectPanel } from './CollectPanel';
import messages from './messages';
import { QuestionEditor } from './QuestionEditor';
import type { QuestionnaireView, QuestionType } from './types';
import './diagnostic.css';

registerMessages('diagnostic', messages);

function Builder({ id }: { id?: string }) {
  const t = useT();
  const town = useTown();
  const [survey, setSurvey] = useState<DraftSurvey | null>(id ? null : { title: '', description: '', questions: [] });
  const [view, setView] = useState<QuestionnaireView | null>(null);
  const [newType, setNewType] = useState<QuestionType>('single');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewDone, setPreviewDone] = useState(false);

  useEffect(() => {
    if (!id) return;
    api
      .get<QuestionnaireView>(`/api/diagnostic/questionnaires/${id}`)
      .then((v) => {
        setView(v);
        setSurvey(fromDefinition(v.definition));
      })
      .catch(setError);
  }, [id]);

  const definition = useMemo(() => (survey ? toDefinition(survey) : null), [survey]);
  const preview = useMemo(() => (definition ? previewable(definition) : null), [definition]);
  if (!survey || !definition) return <>{error ? <FormErrors error={error} /> : <p>{t('diagnostic.loading')}</p>}</>;

  const apiError = error instanceof ApiError ? error : null;
  const errorOf = (i: number) => (f: string) => apiError?.field(`questions.${i}.${f}`);
  const labels: Record<string, string> = { title: t('diagnostic.surveyTitle') };
  const fieldNames: Record<string, string> = {
    label: t('diagnostic.qLabel'),
    id: t('diagnostic.qId'),
    options: t('diagnostic.qOptions'),
    type: t('diagnostic.qType'),
    show_if: t('diagnostic.qCondition'),
    'show_if.question': t('diagnostic.qCondition'),
  };
  survey.questions.forEach((x, i) => {
    const options = x.optionsText.split('\n').filter((o) => o.trim());
    for (const [f, name] of Object.entries(fieldNames)) labels[`questions.${i}.${f}`] = `${t('diagnostic.questionN', { n: i + 1 })} – ${name}`;
    options.forEach((o, j) => (labels[`questions.${i}.options.${j}`] = `${t('diagnostic.questionN', { n: i + 1 })} – « ${o.trim()} »`));
  });

  const update = (patch: Partial<DraftSurvey>) => setSurvey({ ...survey, ...patch });
  const setQuestion = (i: number, q: DraftSurvey['questions'][number]) => {
    const questions = [...survey.questions];
    const oldId = questions[i]!.id;
    questions[i] = q;
    // A renamed question keeps the conditions that point at it.
    if (oldId !== q.id) for (const x of questions) if (x.condQuestion === oldId) x.condQuestion = q.id;
    update({ questions });
  };
  const move = (i: number, d: -1 | 1) => {
    const questions = [...survey.questions];
    [questions[i], questions[i + d]] = [questions[i + d]!, questions[i]!];
    update({ questions });
  };
  const remove = (i: number) => update({ questions: survey.questions.filter((_, j) => j !== i) });
  const add = () =>
    update({
      questions: [
        ...survey.questions,
        emptyQuestion(
          newType,
          survey.questions.map((q) => q.id),
          town.neighbourhoods.map((h) => h.name),
        ),
      ],
    });

  const save = async (): Promise<QuestionnaireView | null> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const current = id ?? view?.id;
      const v = current
        ? await api.put<QuestionnaireView>(`/api/diagnostic/questionnaires/${current}`, { definition })
        : await api.post<QuestionnaireView>('/api/diagnostic/questionnaires', { definition });
      setView(v);
      setNotice(t('diagnostic.saved'));
      // The address of the saved questionnaire, without reloading the page being edited.
      if (!current) window.history.replaceState(null, '', `/diagnostic/${v.id}/modifier`);
      return v;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      setView(await api.post<QuestionnaireView>(`/api/diagnostic/questionnaires/${saved.id}/publish`));
      setNotice(t('diagnostic.published'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title={id || view ? t('diagnostic.builderEdit') : t('diagnostic.builderNew')} intro={t('diagnostic.builderIntro')}>
        <p>
          <Link to="/diagnostic">{t('diagnostic.back')}</Link>
          {view ? ` · ${t(`diagnostic.status.${view.status}`)}` : null}
        </p>
      </PageHeader>
      <FormErrors error={error} labels={labels} />
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      <div className="diag-builder">
        <div>
          <TextField
            label={t('diagnostic.surveyTitle')}
            name="title"
            value={survey.title}
            onChange={(title) => update({ title })}
            isRequired
            error={apiError?.field('title')}
          />
          <TextField
            label={t('diagnostic.surveyDescription')}
            help={t('diagnostic.surveyDescriptionHelp')}
            name="description"
            multiline
            value={survey.description}
            onChange={(description) => update({ description })}
          />
          {survey.questions.map((q, i) => (
            <QuestionEditor
              key={q.key}
              q={q}
              index={i}
              count={survey.questions.length}
              earlier={survey.questions.slice(0, i)}
              othersIds={survey.questions.filter((_, j) => j !== i).map((x) => x.id)}
              onChange={(nq) => setQuestion(i, nq)}
              onMove={(d) => move(i, d)}
              onRemove={() => remove(i)}
              errorOf={errorOf(i)}
            />
          ))}
          <div className="row diag-add">
            <SelectField
              label={t('diagnostic.addType')}
              name="new-type"
              value={newType}
              onChange={(v) => setNewType(v as QuestionType)}
              options={QUESTION_TYPES.map((x) => ({ value: x, label: QUESTION_TYPE_LABELS[x] }))}
            />
            <Button variant="secondary" onPress={add}>
              {t('diagnostic.add')}
            </Button>
          </div>
          <div className="row">
            <Button onPress={() => void save()} isDisabled={busy}>
              {t('diagnostic.save')}
            </Button>
            <Button variant="secondary" onPress={publish} isDisabled={busy || !survey.questions.length}>
              {t('diagnostic.publish')}
            </Button>
          </div>
        </div>
        <aside aria-labelledby="diag-preview-title" className="diag-preview">
          <h2 id="diag-preview-title">{t('diagnostic.preview')}</h2>
          <p className="muted">{t('diagnostic.previewIntro')}</p>
          {previewDone ? (
            <Alert tone="info">
              {t('diagnostic.previewDone')}{' '}
              <Button variant="ghost" onPress={() => setPreviewDone(false)}>
                {t('diagnostic.start')}
              </Button>
            </Alert>
          ) : null}
          {!previewDone && preview?.left ? (
            <p className="muted">{t('diagnostic.previewLeft', { n: preview.left, total: preview.questions.length + preview.left })}</p>
          ) : null}
          {previewDone ? null : preview && preview.questions.length ? (
            <AnsweringFlow key={JSON.stringify(preview)} idPrefix="preview" questionnaire={preview} onSubmit={async () => setPreviewDone(true)} />
          ) : null}
        </aside>
      </div>
      {view && view.status !== 'draft' ? <CollectPanel q={view} onChange={setView} /> : null}
      {view && view.status === 'draft' ? <Card>{t('diagnostic.status.draft')}</Card> : null}
    </>
  );
}

export default function BuilderPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Builder id={id} />
    </RequireRole>
  );
}
