/** The persona form: its words, the figures of the answers and the verbatims it rests on. */
import { useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/Button';
import { FormErrors } from '../../ui/FormErrors';
import { Checkbox, SelectField, TextField } from '../../ui/fields';
import { useFormError } from './listening-ui';
import type { ListeningAnalysis, PersonaView, QuestionnaireSummary, QuestionnaireView, VerbatimView } from './types';

interface FigureRef {
  questionnaireId: string;
  questionId: string;
  answer: string;
  label: string;
}

function FigurePicker({ onAdd }: { onAdd: (f: FigureRef) => void }) {
  const t = useT();
  const list = useApi<{ questionnaires: QuestionnaireSummary[] }>('/api/diagnostic/questionnaires');
  const [qnId, setQnId] = useState('');
  const [questionId, setQuestionId] = useState('');
  const [answer, setAnswer] = useState('');
  const qn = useApi<QuestionnaireView>(qnId ? `/api/diagnostic/questionnaires/${qnId}` : null);
  const def = qn.data?.published ?? qn.data?.definition;
  const questions = (def?.questions ?? []).filter((q) => q.type !== 'text');
  const question = questions.find((q) => q.id === questionId);
  const options = question && 'options' in question ? question.options : null;
  const ready = question && (options ? answer !== '' : true);
  return (
    <fieldset className="diag-themes">
      <legend>{t('diagnostic.ecoute.figures')}</legend>
      <SelectField
        label={t('diagnostic.ecoute.figureQuestionnaire')}
        name="figure-questionnaire"
        value={qnId}
        onChange={(v) => {
          setQnId(v);
          setQuestionId('');
          setAnswer('');
        }}
        options={[{ value: '', label: '—' }, ...(list.data?.questionnaires ?? []).map((q) => ({ value: q.id, label: q.title }))]}
      />
      {def ? (
        <SelectField
          label={t('diagnostic.ecoute.figureQuestion')}
          name="figure-question"
          value={questionId}
          onChange={(v) => {
            setQuestionId(v);
            setAnswer('');
          }}
          options={[{ value: '', label: '—' }, ...questions.map((q) => ({ value: q.id, label: q.label }))]}
        />
      ) : null}
      {options ? (
        <SelectField
          label={t('diagnostic.ecoute.figureAnswer')}
          name="figure-answer"
          value={answer}
          onChange={setAnswer}
          options={[{ value: '', label: '—' }, ...options.map((o) => ({ value: o, label: o }))]}
        />
      ) : question ? (
        <p className="muted">{t('diagnostic.ecoute.figureMean')}</p>
      ) : null}
      <Button
        variant="secondary"
        isDisabled={!ready}
        onPress={() => {
          onAdd({
            questionnaireId: qnId,
            questionId,
            answer: options ? answer : '',
            label: options ? `${question!.label} : « ${answer} »` : `${question!.label} (${t('diagnostic.ecoute.figureMean')})`,
          });
          setQuestionId('');
          setAnswer('');
        }}
      >
        {t('diagnostic.ecoute.addFigure')}
      </Button>
    </fieldset>
  );
}

export function PersonaForm({ initial, onSaved }: { initial: PersonaView | null; onSaved: (p: PersonaView) => void }) {
  const t = useT();
  const analysis = useApi<ListeningAnalysis>('/api/diagnostic/listening/analysis');
  const [f, setF] = useState({
    name: initial?.name ?? '',
    situation: initial?.situation ?? '',
    needs: initial?.needs ?? '',
    quote: initial?.quote ?? '',
  });
  const [figures, setFigures] = useState<FigureRef[]>(
    (initial?.figures ?? []).map((x) => ({
      questionnaireId: x.questionnaireId,
      questionId: x.questionId,
      answer: x.answer,
      label: x.kind === 'share' ? `${x.questionLabel} : « ${x.answer} »` : x.questionLabel,
    })),
  );
  const [verbatimIds, setVerbatimIds] = useState<string[]>((initial?.verbatims ?? []).map((v) => v.id));
  const { error, field, run } = useFormError();
  const all = new Map<string, VerbatimView>();
  for (const th of analysis.data?.byTheme ?? []) for (const v of th.verbatims) all.set(v.id, v);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const body = { ...f, figures: figures.map(({ label: _label, ...x }) => x), verbatimIds };
          onSaved(
            initial
              ? await api.put<PersonaView>(`/api/diagnostic/personas/${initial.id}`, body)
              : await api.post<PersonaView>('/api/diagnostic/personas', body),
          );
        });
      }}
    >
      <FormErrors error={error} />
      <TextField
        label={t('diagnostic.ecoute.personaName')}
        value={f.name}
        onChange={(name) => setF((prev) => ({ ...prev, name }))}
        error={field('name')}
        isRequired
        name="persona-name"
      />
      <TextField
        label={t('diagnostic.ecoute.situation')}
        multiline
        value={f.situation}
        onChange={(situation) => setF((prev) => ({ ...prev, situation }))}
        error={field('situation')}
      />
      <TextField
        label={t('diagnostic.ecoute.needs')}
        multiline
        value={f.needs}
        onChange={(needs) => setF((prev) => ({ ...prev, needs }))}
        error={field('needs')}
      />
      <TextField
        label={t('diagnostic.ecoute.personaQuote')}
        value={f.quote}
        onChange={(quote) => setF((prev) => ({ ...prev, quote }))}
        error={field('quote')}
      />
      {figures.length ? (
        <ul>
          {figures.map((x, i) => (
            <li key={`${x.questionnaireId}-${x.questionId}-${x.answer}`}>
              {x.label}{' '}
              <Button
                variant="ghost"
                aria-label={`${t('diagnostic.ecoute.removeFigure')} : ${x.label}`}
                onPress={() => setFigures(figures.filter((_, j) => j !== i))}
              >
                {t('diagnostic.ecoute.removeFigure')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('diagnostic.ecoute.figuresNone')}</p>
      )}
      {field('figures') ? <p className="error">{field('figures')}</p> : null}
      <FigurePicker onAdd={(x) => setFigures([...figures, x])} />
      <fieldset className="diag-themes">
        <legend>{t('diagnostic.ecoute.chooseVerbatims')}</legend>
        {[...all.values()].map((v) => (
          <Checkbox
            key={v.id}
            isSelected={verbatimIds.includes(v.id)}
            onChange={(on) => setVerbatimIds(on ? [...verbatimIds, v.id] : verbatimIds.filter((x) => x !== v.id))}
          >
            « {v.text} » — {v.attribution}
          </Checkbox>
        ))}
      </fieldset>
      {field('verbatimIds') ? <p className="error">{field('verbatimIds')}</p> : null}
      <Button type="submit">{t('diagnostic.ecoute.savePersona')}</Button>
    </form>
  );
}
