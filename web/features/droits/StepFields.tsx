/** The questions of each simulator step, in plain words. */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useTown, type Town } from '../../app/town';
// The light native number and radio fields (web/ui), as on /aides: react-aria's NumberField and
// RadioGroup cost the simulator ~270 ms of blocking time on a phone (Lighthouse, issue 18).
import { Alert, Button, NativeNumberField as NumberField, NativeRadioGroup as RadioGroup, SelectField, TextField } from '../../ui';
import { LazyDateField as DateField } from '../../ui/LazyDateField';
import { ageAt, type Answers, isTenant, receivesAlimony, type Problems, type StepId } from './answers';
import type { Commune } from './types';

interface Props {
  step: StepId;
  a: Answers;
  set: (patch: Partial<Answers>) => void;
  problems: Problems;
  period: string;
}

export function StepFields({ step, a, set, problems, period }: Props) {
  const t = useT();
  const err = (k: string) => (problems[k] ? t(`droits.${problems[k]}`) : undefined);
  const yesNo = [
    { value: 'oui', label: t('droits.a.yes') },
    { value: 'non', label: t('droits.a.no') },
  ];
  switch (step) {
    case 'foyer':
      return (
        <>
          <RadioGroup
            label={t('droits.q.livesAlone')}
            help={t('droits.q.livesAloneHelp')}
            value={a.livesAlone}
            onChange={(v) => set({ livesAlone: v as 'oui' | 'non' })}
            options={yesNo}
            error={err('livesAlone')}
          />
          {a.livesAlone === 'non' ? <Alert tone="warning">{t('droits.q.livesAloneNo')}</Alert> : null}
          <NumberField
            label={t('droits.q.parentAge')}
            value={a.parentAge}
            onChange={(v) => set({ parentAge: v == null ? null : Math.round(v) })}
            minValue={0}
            maxValue={120}
            error={err('parentAge')}
            name="parentAge"
          />
          <RadioGroup
            label={t('droits.q.recentlySeparated')}
            help={t('droits.q.recentlySeparatedHelp')}
            value={a.recentlySeparated}
            onChange={(v) => set({ recentlySeparated: v as 'oui' | 'non' })}
            options={yesNo}
            error={err('recentlySeparated')}
          />
        </>
      );
    case 'enfants':
      return (
        <fieldset className="received-list">
          <legend>{t('droits.q.children')}</legend>
          <p className="help muted">{t('droits.q.childrenHelp')}</p>
          <ul className="droits-children">
            {a.children.map((c, i) => {
              const id = `child-${i}`;
              const e = err(`child${i}`);
              const age = c.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(c.birthDate) ? ageAt(c.birthDate, period) : null;
              return (
                <li key={i}>
                  <DateField
                    id={id}
                    name={id}
                    label={t('droits.q.childBirth', { n: i + 1 })}
                    value={c.birthDate}
                    max={new Date().toISOString().slice(0, 10)}
                    error={e}
                    onChange={(v) => set({ children: a.children.map((x, j) => (j === i ? { birthDate: v } : x)) })}
                  />
                  {age != null ? <span className="age">{t('droits.q.childAge', { age })}</span> : null}
                  {a.children.length > 1 ? (
                    <Button variant="secondary" onPress={() => set({ children: a.children.filter((_, j) => j !== i) })}>
                      {t('droits.q.removeChild', { n: i + 1 })}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {a.children.length < 12 ? (
            <Button variant="secondary" onPress={() => set({ children: [...a.children, { birthDate: '' }] })}>
              + {t('droits.q.addChild')}
            </Button>
          ) : null}
        </fieldset>
      );
    case 'travail':
      return (
        <>
          <RadioGroup
            label={t('droits.q.activity')}
            value={a.activity}
            onChange={(v) => set({ activity: v as Answers['activity'] })}
            options={[
              { value: 'actif', label: t('droits.a.actif') },
              { value: 'chomeur', label: t('droits.a.chomeur') },
              { value: 'inactif', label: t('droits.a.inactif') },
            ]}
            error={err('activity')}
          />
          {a.activity === 'actif' ? (
            <NumberField
              euros
              label={t('droits.q.salary')}
              help={t('droits.q.salaryHelp')}
              value={a.salary}
              onChange={(v) => set({ salary: v })}
              minValue={0}
              error={err('salary')}
              name="salary"
            />
          ) : null}
          {a.activity === 'actif' || a.activity === 'chomeur' ? (
            <NumberField
              euros
              label={t('droits.q.unemployment')}
              help={t('droits.q.unemploymentHelp')}
              value={a.unemployment}
              onChange={(v) => set({ unemployment: v })}
              minValue={0}
              error={err('unemployment')}
              name="unemployment"
            />
          ) : null}
          {a.activity === 'chomeur' ? (
            <DateField
              id="chomage-depuis"
              name="chomage-depuis"
              label={t('droits.q.unemploymentSince')}
              help={t('droits.q.unemploymentSinceHelp')}
              value={a.unemploymentSince}
              error={err('unemploymentSince')}
              onChange={(v) => set({ unemploymentSince: v })}
            />
          ) : null}
        </>
      );
    case 'pension':
      return (
        <>
          <RadioGroup
            label={t('droits.q.alimonyStatus')}
            value={a.alimonyStatus}
            onChange={(v) => set({ alimonyStatus: v as Answers['alimonyStatus'] })}
            options={[
              { value: 'paid', label: t('droits.a.paid') },
              { value: 'partly', label: t('droits.a.partly') },
              { value: 'unpaid', label: t('droits.a.unpaid') },
              { value: 'none', label: t('droits.a.none') },
              { value: 'no-other-parent', label: t('droits.a.noOther') },
            ]}
            error={err('alimonyStatus')}
          />
          {receivesAlimony(a.alimonyStatus) ? (
            <NumberField
              euros
              label={t('droits.q.alimony')}
              help={t('droits.q.alimonyHelp')}
              value={a.alimony}
              onChange={(v) => set({ alimony: v })}
              minValue={0}
              error={err('alimony')}
              name="alimony"
            />
          ) : null}
          {a.alimonyStatus === 'unpaid' || a.alimonyStatus === 'partly' ? <Alert tone="info">{t('droits.pension.aripa')}</Alert> : null}
          {a.alimonyStatus === 'none' ? <Alert tone="info">{t('droits.pension.fix')}</Alert> : null}
        </>
      );
    case 'logement':
      return (
        <>
          <RadioGroup
            label={t('droits.q.housingStatus')}
            value={a.housingStatus}
            onChange={(v) => set({ housingStatus: v as Answers['housingStatus'] })}
            options={(['locataire_hlm', 'locataire_vide', 'locataire_meuble', 'loge_gratuitement', 'proprietaire'] as const).map((s) => ({
              value: s,
              label: t(`droits.a.${s}`),
            }))}
            error={err('housingStatus')}
          />
          {isTenant(a.housingStatus) ? (
            <NumberField
              euros
              label={t('droits.q.rent')}
              help={t('droits.q.rentHelp')}
              value={a.rent}
              onChange={(v) => set({ rent: v })}
              minValue={0}
              error={err('rent')}
              name="rent"
            />
          ) : null}
        </>
      );
    case 'commune':
      return <CommuneFields a={a} set={set} error={err('commune')} />;
    default:
      return null;
  }
}

function CommuneFields({ a, set, error }: { a: Answers; set: Props['set']; error?: string }) {
  const t = useT();
  const town = useTown() as Town & { inseeCode?: string };
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Commune[] | null>(null);
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<{ communes: Commune[] }>(`/api/droits/potential/communes?q=${encodeURIComponent(text)}`).then(
        (r) => live && setFound(r.communes),
        () => live && setFound([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const inTown = Boolean(a.commune && town.inseeCode && a.commune.depcom === town.inseeCode);
  if (a.commune) {
    return (
      <>
        <Alert tone="success">{t('droits.q.communeChosen', { name: a.commune.name, dep: a.commune.depcom.slice(0, 2) })}</Alert>
        <p>
          <Button variant="secondary" onPress={() => set({ commune: null, neighbourhoodId: null })}>
            {t('droits.q.communeChange')}
          </Button>
        </p>
        {inTown && town.neighbourhoods.length ? (
          <SelectField
            label={t('droits.q.neighbourhood')}
            help={t('droits.q.neighbourhoodHelp')}
            name="quartier"
            value={a.neighbourhoodId ?? ''}
            onChange={(v) => set({ neighbourhoodId: v || null })}
            options={[{ value: '', label: t('droits.q.neighbourhoodNone') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
          />
        ) : null}
      </>
    );
  }
  return (
    <>
      {town.inseeCode ? (
        <p>
          <Button onPress={() => set({ commune: { depcom: town.inseeCode!, name: town.name } })}>{t('droits.q.communeTown', { town: town.name })}</Button>
        </p>
      ) : null}
      <TextField label={t('droits.q.commune')} help={t('droits.q.communeHelp')} value={q} onChange={setQ} error={error} autoComplete="address-level2" />
      {found ? (
        found.length ? (
          <ul className="commune-results" aria-label={t('droits.q.communeResults')}>
            {found.map((c) => (
              <li key={c.depcom}>
                <Button variant="secondary" onPress={() => set({ commune: { depcom: c.depcom, name: c.name } })}>
                  {c.name} ({c.department})
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('droits.q.communeNone')}</p>
        )
      ) : null}
    </>
  );
}
