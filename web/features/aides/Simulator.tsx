/**
 * "Vérifier sans compte": a family without an account answers what the town's aids read
 * (commune, neighbourhood, quotient familial, resources, children's ages, employment,
 * residence, housing, aids already received this year) and gets, for every aid, eligible /
 * not eligible with the margin / to check with the questions still open. An unanswered
 * question is sent as unknown: the server asks for it, never assumes it.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { Button, FormErrors, NativeCheckbox, NativeNumberField, NativeRadioGroup, SelectField, TextField } from '../../ui';
import { Fr } from '../../app/lang';
import { byLikelihood, EligibilityItem } from './EligibilityItem';
import type { AidsList, EligibilityList } from '../../../src/modules/aides';

const EMPLOYMENTS = ['en_emploi', 'demandeur_emploi', 'en_formation', 'sans_activite'] as const;
const HOUSINGS = ['locataire_hlm', 'locataire_vide', 'locataire_meuble', 'loge_gratuitement', 'proprietaire'] as const;

interface Answers {
  commune: string;
  quartier: string;
  quotient: number | null;
  resources: number | null;
  ages: string;
  employment: string;
  residenceMonths: number | null;
  housing: string;
  received: '' | 'none' | 'some';
  receivedAids: string[];
}

const empty: Answers = {
  commune: '',
  quartier: '',
  quotient: null,
  resources: null,
  ages: '',
  employment: '',
  residenceMonths: null,
  housing: '',
  received: '',
  receivedAids: [],
};

/** "4, 9" → [4, 9]; empty → null (unknown); anything else → false (the field's error). */
export function parseAges(text: string): number[] | null | false {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const ages = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  return ages.every((a) => Number.isInteger(a) && a >= 0 && a <= 25) ? ages : false;
}

/** The answers → the public simulator's household (the droits input plus what local aids read); unanswered = left out. */
export function householdOf(a: Answers, ages: number[] | null): Record<string, unknown> {
  const h: Record<string, unknown> = {
    parent: a.resources === null ? {} : { salaire_net_mensuel: a.resources },
    // An unknown age is a child without one: the aids that read ages ask for them.
    children: ages === null ? [{}] : ages.map((age) => ({ age })),
    housing: a.housing ? { statut: a.housing } : {},
  };
  if (a.commune) h.commune = a.commune;
  if (a.quartier) h.quartier = a.quartier;
  if (a.quotient !== null) h.quotient_familial = a.quotient;
  if (a.employment) h.situation_emploi = a.employment;
  if (a.residenceMonths !== null) h.anciennete_residence_mois = a.residenceMonths;
  if (a.received === 'none') h.aides_recues_cette_annee = [];
  if (a.received === 'some') h.aides_recues_cette_annee = a.receivedAids;
  return h;
}

/** `aids`: the catalogue, for « which aids already received » (null while it loads: the form does not wait for it). */
export function Simulator({ aids }: { aids: AidsList['aids'] | null }) {
  const t = useT();
  const town = useTown();
  const [a, setA] = useState<Answers>(empty);
  const [agesError, setAgesError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [results, setResults] = useState<EligibilityList['results'] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => setA((x) => ({ ...x, [k]: v }));
  const unanswered = { value: '', label: t('aides.sim.unanswered') };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ages = parseAges(a.ages);
    setAgesError(ages === false ? t('aides.sim.agesError') : undefined);
    if (ages === false) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<EligibilityList>('/api/aides/simulations', householdOf(a, ages));
      setResults([...r.results].sort(byLikelihood));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="aides-sim">
      <h2 id="aides-sim">{t('aides.sim.title')}</h2>
      <p className="muted">{t('aides.sim.intro')}</p>
      <form onSubmit={(e) => void submit(e)} className="aides-sim">
        <FormErrors error={error} />
        <SelectField
          name="sim-commune"
          label={t('aides.sim.commune')}
          value={a.commune}
          onChange={(v) => set('commune', v)}
          options={[unanswered, ...(town.name ? [{ value: town.name, label: town.name }] : []), { value: 'autre', label: t('aides.sim.otherCommune') }]}
        />
        {town.neighbourhoods.length ? (
          <SelectField
            name="sim-quartier"
            label={t('aides.sim.quartier')}
            value={a.quartier}
            onChange={(v) => set('quartier', v)}
            options={[unanswered, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: 'fr' }))]}
          />
        ) : null}
        <NativeNumberField
          name="sim-quotient"
          label={t('aides.sim.quotient')}
          help={t('aides.sim.quotientHelp')}
          value={a.quotient}
          onChange={(v) => set('quotient', v)}
          minValue={0}
          maxValue={100000}
          euros
          error={error?.field('quotient_familial')}
        />
        <NativeNumberField
          name="sim-resources"
          label={t('aides.sim.resources')}
          help={t('aides.sim.resourcesHelp')}
          value={a.resources}
          onChange={(v) => set('resources', v)}
          minValue={0}
          maxValue={100000}
          euros
          error={error?.field('parent.salaire_net_mensuel')}
        />
        <TextField
          name="sim-ages"
          label={t('aides.sim.ages')}
          help={t('aides.sim.agesHelp')}
          value={a.ages}
          onChange={(v) => set('ages', v)}
          error={agesError}
        />
        <SelectField
          name="sim-employment"
          label={t('aides.sim.employment')}
          value={a.employment}
          onChange={(v) => set('employment', v)}
          options={[unanswered, ...EMPLOYMENTS.map((k) => ({ value: k, label: t(`aides.sim.employment_${k}`) }))]}
        />
        <NativeNumberField
          name="sim-residence"
          label={t('aides.residence')}
          value={a.residenceMonths}
          onChange={(v) => set('residenceMonths', v)}
          minValue={0}
          maxValue={1200}
          error={error?.field('anciennete_residence_mois')}
        />
        <SelectField
          name="sim-housing"
          label={t('aides.sim.housing')}
          value={a.housing}
          onChange={(v) => set('housing', v)}
          options={[unanswered, ...HOUSINGS.map((k) => ({ value: k, label: t(`aides.sim.housing_${k}`) }))]}
        />
        <NativeRadioGroup
          label={t('aides.sim.received')}
          value={a.received}
          onChange={(v) => set('received', v as Answers['received'])}
          options={[
            { value: 'none', label: t('aides.sim.receivedNone') },
            { value: 'some', label: t('aides.sim.receivedSome') },
          ]}
        />
        {a.received === 'some' ? (
          <fieldset className="field native-choices aides-sim-received">
            <legend className="label">{t('aides.sim.receivedWhich')}</legend>
            {aids === null ? <p role="status">{t('app.loading')}</p> : null}
            {(aids ?? []).map((x) => (
              <NativeCheckbox
                key={x.aidId}
                isSelected={a.receivedAids.includes(x.aidId)}
                onChange={(on) => set('receivedAids', on ? [...a.receivedAids, x.aidId] : a.receivedAids.filter((id) => id !== x.aidId))}
              >
                <Fr>{x.definition.title}</Fr>
              </NativeCheckbox>
            ))}
          </fieldset>
        ) : null}
        <Button type="submit" isDisabled={busy}>
          {t('aides.sim.submit')}
        </Button>
      </form>
      {results ? (
        <div aria-live="polite">
          <h3>{t('aides.sim.results')}</h3>
          <ul className="item-list">
            {results.map((x) => (
              <EligibilityItem key={x.aid} x={x} askHref={null} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
