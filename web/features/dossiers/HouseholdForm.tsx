/**
 * The file in short steps (vous, enfants, adresse, ressources, autre parent, vérifier),
 * used to fill it once, to correct it, to renew it and by an agent at the desk.
 * Each step says why its fields are asked. The family's own forms keep a draft as it types
 * (draft.ts): a reload, a lost connection or another device resumes where it was.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../app/api';
import { useFormat, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useTown } from '../../app/town';
import { Alert, Button, Checkbox, FormErrors, NumberField, ProgressSteps, SelectField, TextField } from '../../ui';
import { DateField, Why } from './Why';
import type { Child, FieldUsage, Household } from './types';
import { useDraft, type DraftForm, type DraftHandle } from './draft';
import { valueText } from './labels';

export interface Draft {
  parent: Household['parent'];
  otherParent: NonNullable<Household['otherParent']> | null;
  children: Child[];
  address: Household['address'];
  situation: Household['situation'];
  housing: Household['housing'];
  quotient: { entered: number | null };
}

export function draftOf(h: Household | null): Draft {
  return {
    parent: h?.parent ?? { firstName: null, lastName: null, birthDate: null, phone: null, email: null },
    otherParent: h?.otherParent ?? null,
    children: h?.children.map((c) => ({ ...c })) ?? [],
    address: h?.address ?? { line: null, postalCode: null, city: null, inseeCode: null, neighbourhoodId: null },
    situation: h?.situation ?? {
      activity: null,
      unemploymentSince: null,
      salaryNetMonthlyCents: null,
      unemploymentNetMonthlyCents: null,
      otherIncomeMonthlyCents: null,
      alimonyReceivedMonthlyCents: null,
      familyBenefitsMonthlyCents: null,
      annualIncomeCents: null,
      recentlySeparated: null,
    },
    housing: h?.housing ?? { status: null, rentMonthlyCents: null, chargesMonthlyCents: null, rentWithChargesFormerCents: null },
    quotient: { entered: h?.quotient.entered ?? null },
  };
}

/** What the API takes: the account's e-mail stays as is; empty strings become null. */
export function patchOf(d: Draft) {
  const clean = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === '' ? null : v])) as T;
  return {
    parent: clean({ firstName: d.parent.firstName, lastName: d.parent.lastName, birthDate: d.parent.birthDate, phone: d.parent.phone }),
    otherParent: d.otherParent ? clean(d.otherParent) : null,
    children: d.children.map((c) => clean({ ...c, id: c.id, lastName: c.lastName ?? null })).map((c) => (c.id ? c : { ...c, id: undefined })),
    address: clean({ line: d.address.line, postalCode: d.address.postalCode, city: d.address.city, neighbourhoodId: d.address.neighbourhoodId }),
    situation: d.situation,
    housing: { status: d.housing.status, rentMonthlyCents: d.housing.rentMonthlyCents, chargesMonthlyCents: d.housing.chargesMonthlyCents },
    quotient: d.quotient,
  };
}

const STEP_OF_PATH: [RegExp, number][] = [
  [/^parent/, 0],
  [/^children/, 1],
  [/^address/, 2],
  [/^(situation|housing|quotient)/, 3],
  [/^otherParent/, 4],
];

const toCents = (v: number | null) => (v == null ? null : Math.round(v * 100));
const toEuros = (c: number | null) => (c == null ? null : c / 100);

/** A stored draft over the file's values, group by group (a draft holds every group the form has). */
export function resumeDraft(initial: Household | null, data: object): Draft {
  const d = { ...draftOf(initial), ...(data as Partial<Draft>) };
  // A certified identity (FranceConnect) is the file's, whatever a draft typed before it.
  if (initial?.identityCertification) {
    d.parent = { ...d.parent, firstName: initial.parent.firstName, lastName: initial.parent.lastName, birthDate: initial.parent.birthDate };
  }
  return d;
}

interface FormProps {
  initial: Household | null;
  usage: FieldUsage[];
  submitLabel: string;
  onSubmit: (patch: ReturnType<typeof patchOf>) => Promise<void>;
  intro?: ReactNode;
  /** Shown on the last step, above the button (e.g. the desk consent). */
  extra?: ReactNode;
  /** The family's own form: keep a draft of what it types (server + this browser). */
  draftForm?: DraftForm;
}

export function HouseholdForm(props: FormProps) {
  const t = useT();
  const draft = useDraft(props.draftForm ?? null);
  if (!draft.ready) return <p role="status">{t('dossiers.draftLoading')}</p>;
  return <Steps {...props} draft={props.draftForm ? draft : null} />;
}

const LAST_STEP = 5;

function Steps({ initial, usage, submitLabel, onSubmit, intro, extra, draft }: FormProps & { draft: DraftHandle | null }) {
  const t = useT();
  const fmt = useFormat();
  const town = useTown();
  const [resumed, setResumed] = useState(draft?.restored ?? null);
  const [d, setD] = useState<Draft>(() => (resumed ? resumeDraft(initial, resumed.data) : draftOf(initial)));
  const [step, setStepState] = useState(() => Math.min(Math.max(resumed?.step ?? 0, 0), LAST_STEP));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The parent's identity certified by FranceConnect is shown, not edited.
  const certified = Boolean(initial?.identityCertification);
  const steps = [t('dossiers.you'), t('dossiers.children'), t('dossiers.address'), t('dossiers.resources'), t('dossiers.otherParent'), t('dossiers.summary')];
  const err = (path: string) => (error instanceof ApiError ? error.field(path) : undefined);
  const set = <K extends keyof Draft>(k: K, v: Partial<NonNullable<Draft[K]>>) => setD((x) => ({ ...x, [k]: { ...(x[k] as object), ...v } }));
  // Every change is kept (the first render is what was loaded: nothing new to keep).
  const loaded = useRef(true);
  const stepRef = useRef(step);
  useEffect(() => {
    if (loaded.current) {
      loaded.current = false;
      return;
    }
    draft?.change(stepRef.current, d);
  }, [d]); // eslint-disable-line react-hooks/exhaustive-deps -- the draft handle is stable per form
  const setStep = (n: number) => {
    stepRef.current = n;
    setStepState(n);
    // A step change is sent at once: the next device resumes on this step.
    draft?.change(n, d);
    draft?.flush();
  };
  const startAgain = async () => {
    await draft?.discard();
    setResumed(null);
    loaded.current = true;
    setD(draftOf(initial));
    stepRef.current = 0;
    setStepState(0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (step < steps.length - 1) {
      setStep(step + 1);
      document.getElementById('household-form-step')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await draft?.beforeSave();
      await onSubmit(patchOf(d));
      draft?.afterSave();
    } catch (ex) {
      setError(ex);
      const first = ex instanceof ApiError ? ex.fields[0]?.path : undefined;
      const target = first ? STEP_OF_PATH.find(([re]) => re.test(first))?.[1] : undefined;
      if (target !== undefined) setStep(target);
    } finally {
      setBusy(false);
    }
  };

  const child = (i: number, v: Partial<Child>) => setD((x) => ({ ...x, children: x.children.map((c, j) => (j === i ? { ...c, ...v } : c)) }));
  const money = (label: string, value: number | null, on: (c: number | null) => void, name: string, help?: string) => (
    <NumberField label={label} help={help} euros minValue={0} value={toEuros(value)} onChange={(v) => on(toCents(v))} name={name} error={err(name)} />
  );

  return (
    <form onSubmit={submit} className="stack household-form" noValidate>
      {intro}
      {resumed ? (
        <Alert tone="info">
          <span>{t('dossiers.draftResumed', { when: fmt.dateTime(resumed.savedAt) })}</span>{' '}
          <Button variant="ghost" onPress={() => void startAgain()}>
            {t('dossiers.draftStartAgain')}
          </Button>
        </Alert>
      ) : null}
      {draft?.offline ? (
        <p className="muted" role="status">
          {t('dossiers.draftOffline')}
        </p>
      ) : null}
      <ProgressSteps current={step + 1} total={steps.length} label={t('dossiers.stepOf', { n: step + 1, total: steps.length })} />
      <h2 id="household-form-step" tabIndex={-1}>
        {steps[step]}
      </h2>
      <FormErrors error={error} />
      {step === 0 ? (
        <fieldset className="stack">
          <legend className="visually-hidden">{steps[0]}</legend>
          {certified ? <Alert tone="info">{t('dossiers.certifiedIdentity')}</Alert> : null}
          <TextField
            label={t('dossiers.firstName')}
            value={d.parent.firstName ?? ''}
            onChange={(v) => set('parent', { firstName: v })}
            error={err('parent.firstName')}
            autoComplete="given-name"
            isReadOnly={certified}
          />
          <TextField
            label={t('dossiers.lastName')}
            value={d.parent.lastName ?? ''}
            onChange={(v) => set('parent', { lastName: v })}
            error={err('parent.lastName')}
            autoComplete="family-name"
            isReadOnly={certified}
          />
          <DateField
            name="parent-birthDate"
            label={t('dossiers.birthDate')}
            value={d.parent.birthDate}
            onChange={(v) => set('parent', { birthDate: v })}
            error={err('parent.birthDate')}
            isReadOnly={certified}
          />
          <TextField
            label={t('dossiers.phone')}
            type="tel"
            value={d.parent.phone ?? ''}
            onChange={(v) => set('parent', { phone: v })}
            error={err('parent.phone')}
            autoComplete="tel"
          />
          <Why keys={['parent.firstName', 'parent.lastName', 'parent.birthDate', 'parent.phone']} usage={usage} />
        </fieldset>
      ) : null}
      {step === 1 ? (
        <div className="stack">
          {d.children.map((c, i) => (
            <fieldset key={c.id ?? `new-${i}`} className="card stack">
              <legend>{c.firstName || t('dossiers.childN', { n: i + 1 })}</legend>
              <TextField
                label={t('dossiers.childFirstName')}
                value={c.firstName}
                onChange={(v) => child(i, { firstName: v })}
                isRequired
                error={err(`children.${i}.firstName`)}
              />
              <DateField
                name={`child-${i}-birthDate`}
                label={t('dossiers.childBirthDate')}
                value={c.birthDate || null}
                onChange={(v) => child(i, { birthDate: v ?? '' })}
                isRequired
                error={err(`children.${i}.birthDate`)}
              />
              <SelectField
                name={`child-${i}-custody`}
                label={t('dossiers.custody')}
                value={c.custody ?? 'full'}
                onChange={(v) => child(i, { custody: v as Child['custody'] })}
                options={[
                  { value: 'full', label: t('dossiers.custodyFull') },
                  { value: 'alternate', label: t('dossiers.custodyAlternate') },
                  { value: 'visiting', label: t('dossiers.custodyVisiting') },
                ]}
              />
              <TextField label={t('dossiers.school')} value={c.schoolName ?? ''} onChange={(v) => child(i, { schoolName: v })} />
              <TextField label={t('dossiers.schoolLevel')} value={c.schoolLevel ?? ''} onChange={(v) => child(i, { schoolLevel: v })} />
              <Button variant="ghost" onPress={() => setD((x) => ({ ...x, children: x.children.filter((_, j) => j !== i) }))}>
                {t('dossiers.removeChild', { name: c.firstName || t('dossiers.childN', { n: i + 1 }) })}
              </Button>
            </fieldset>
          ))}
          <Button variant="secondary" onPress={() => setD((x) => ({ ...x, children: [...x.children, { firstName: '', birthDate: '', custody: 'full' }] }))}>
            {t('dossiers.addChild')}
          </Button>
          <Why keys={['children.firstName', 'children.birthDate', 'children.custody', 'children.schoolName', 'children.schoolLevel']} usage={usage} />
        </div>
      ) : null}
      {step === 2 ? (
        <fieldset className="stack">
          <legend className="visually-hidden">{steps[2]}</legend>
          <TextField
            label={t('dossiers.addressLine')}
            value={d.address.line ?? ''}
            onChange={(v) => set('address', { line: v })}
            error={err('address.line')}
            autoComplete="street-address"
          />
          <TextField
            label={t('dossiers.postalCode')}
            value={d.address.postalCode ?? ''}
            onChange={(v) => set('address', { postalCode: v })}
            error={err('address.postalCode')}
            autoComplete="postal-code"
            inputMode="numeric"
          />
          <TextField
            label={t('dossiers.city')}
            value={d.address.city ?? ''}
            onChange={(v) => set('address', { city: v })}
            error={err('address.city')}
            autoComplete="address-level2"
          />
          <SelectField
            name="neighbourhood"
            label={t('dossiers.neighbourhood')}
            value={d.address.neighbourhoodId ?? ''}
            onChange={(v) => set('address', { neighbourhoodId: v || null })}
            options={[{ value: '', label: t('dossiers.neighbourhoodNone') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
            error={err('address.neighbourhoodId')}
          />
          <Why keys={['address.line', 'address.postalCode', 'address.city', 'address.inseeCode', 'address.neighbourhoodId']} usage={usage} />
        </fieldset>
      ) : null}
      {step === 3 ? (
        <fieldset className="stack">
          <legend className="visually-hidden">{steps[3]}</legend>
          <SelectField
            name="activity"
            label={t('dossiers.activity')}
            value={d.situation.activity ?? ''}
            onChange={(v) => set('situation', { activity: (v || null) as Draft['situation']['activity'] })}
            options={[
              { value: '', label: t('dossiers.housingUnknown') },
              { value: 'actif', label: t('dossiers.activityActif') },
              { value: 'chomeur', label: t('dossiers.activityChomeur') },
              { value: 'inactif', label: t('dossiers.activityInactif') },
            ]}
          />
          {d.situation.activity === 'actif'
            ? money(
                t('dossiers.salary'),
                d.situation.salaryNetMonthlyCents,
                (c) => set('situation', { salaryNetMonthlyCents: c }),
                'situation.salaryNetMonthlyCents',
              )
            : null}
          {d.situation.activity === 'chomeur' ? (
            <>
              {money(
                t('dossiers.unemployment'),
                d.situation.unemploymentNetMonthlyCents,
                (c) => set('situation', { unemploymentNetMonthlyCents: c }),
                'situation.unemploymentNetMonthlyCents',
              )}
              <DateField
                name="unemploymentSince"
                label={t('dossiers.unemploymentSince')}
                value={d.situation.unemploymentSince}
                onChange={(v) => set('situation', { unemploymentSince: v })}
                error={err('situation.unemploymentSince')}
              />
            </>
          ) : null}
          {money(
            t('dossiers.alimonyReceived'),
            d.situation.alimonyReceivedMonthlyCents,
            (c) => set('situation', { alimonyReceivedMonthlyCents: c }),
            'situation.alimonyReceivedMonthlyCents',
          )}
          {money(
            t('dossiers.otherIncome'),
            d.situation.otherIncomeMonthlyCents,
            (c) => set('situation', { otherIncomeMonthlyCents: c }),
            'situation.otherIncomeMonthlyCents',
          )}
          {money(
            t('dossiers.familyBenefits'),
            d.situation.familyBenefitsMonthlyCents,
            (c) => set('situation', { familyBenefitsMonthlyCents: c }),
            'situation.familyBenefitsMonthlyCents',
            t('dossiers.familyBenefitsHelp'),
          )}
          {money(
            t('dossiers.annualIncome'),
            d.situation.annualIncomeCents,
            (c) => set('situation', { annualIncomeCents: c }),
            'situation.annualIncomeCents',
            t('dossiers.annualIncomeHelp'),
          )}
          <Checkbox isSelected={Boolean(d.situation.recentlySeparated)} onChange={(v) => set('situation', { recentlySeparated: v })}>
            {t('dossiers.recentlySeparated')}
          </Checkbox>
          <SelectField
            name="housing"
            label={t('dossiers.housing')}
            value={d.housing.status ?? ''}
            onChange={(v) => set('housing', { status: (v || null) as Household['housing']['status'] })}
            options={[
              { value: '', label: t('dossiers.housingUnknown') },
              { value: 'locataire_hlm', label: t('dossiers.housingHlm') },
              { value: 'locataire_vide', label: t('dossiers.housingVide') },
              { value: 'locataire_meuble', label: t('dossiers.housingMeuble') },
              { value: 'proprietaire', label: t('dossiers.housingOwner') },
              { value: 'loge_gratuitement', label: t('dossiers.housingFree') },
              { value: 'heberge', label: t('dossiers.housingHosted') },
              { value: 'sans_domicile', label: t('dossiers.housingNone') },
            ]}
          />
          {d.housing.status?.startsWith('locataire') ? (
            <>
              {d.housing.rentWithChargesFormerCents != null && d.housing.rentMonthlyCents == null ? (
                <Alert tone="info">{t('dossiers.rentFormer', { amount: fmt.euros(d.housing.rentWithChargesFormerCents) })}</Alert>
              ) : null}
              {money(
                t('dossiers.rent'),
                d.housing.rentMonthlyCents,
                (c) => set('housing', { rentMonthlyCents: c }),
                'housing.rentMonthlyCents',
                t('dossiers.rentHelp'),
              )}
              {money(
                t('dossiers.charges'),
                d.housing.chargesMonthlyCents,
                (c) => set('housing', { chargesMonthlyCents: c }),
                'housing.chargesMonthlyCents',
                t('dossiers.chargesHelp'),
              )}
            </>
          ) : null}
          <NumberField
            label={t('dossiers.qfEntered')}
            help={t('dossiers.qfHelp')}
            minValue={0}
            value={d.quotient.entered}
            onChange={(v) => set('quotient', { entered: v == null ? null : Math.round(v) })}
            name="quotient"
            error={err('quotient.entered')}
          />
          <Why
            keys={[
              'situation.activity',
              'situation.salaryNetMonthlyCents',
              'situation.alimonyReceivedMonthlyCents',
              'housing.status',
              'housing.rentMonthlyCents',
              'housing.chargesMonthlyCents',
              'quotient.value',
              'situation.annualIncomeCents',
            ]}
            usage={usage}
          />
        </fieldset>
      ) : null}
      {step === 4 ? (
        <fieldset className="stack">
          <legend className="visually-hidden">{steps[4]}</legend>
          <Checkbox
            isSelected={d.otherParent !== null}
            onChange={(v) =>
              setD((x) => ({
                ...x,
                otherParent: v ? { firstName: null, lastName: null, custody: null, alimonyDueMonthlyCents: null, alimonyPaidRegularly: null } : null,
              }))
            }
          >
            {t('dossiers.hasOtherParent')}
          </Checkbox>
          {d.otherParent ? (
            <>
              <TextField label={t('dossiers.firstName')} value={d.otherParent.firstName ?? ''} onChange={(v) => set('otherParent', { firstName: v })} />
              <TextField label={t('dossiers.lastName')} value={d.otherParent.lastName ?? ''} onChange={(v) => set('otherParent', { lastName: v })} />
              <SelectField
                name="otherCustody"
                label={t('dossiers.otherCustody')}
                value={d.otherParent.custody ?? ''}
                onChange={(v) => set('otherParent', { custody: (v || null) as NonNullable<Household['otherParent']>['custody'] })}
                options={[
                  { value: '', label: t('dossiers.housingUnknown') },
                  { value: 'exclusive', label: t('dossiers.otherCustodyExclusive') },
                  { value: 'alternate', label: t('dossiers.otherCustodyAlternate') },
                  { value: 'visiting', label: t('dossiers.otherCustodyVisiting') },
                  { value: 'none', label: t('dossiers.otherCustodyNone') },
                ]}
              />
              {money(
                t('dossiers.alimonyDue'),
                d.otherParent.alimonyDueMonthlyCents,
                (c) => set('otherParent', { alimonyDueMonthlyCents: c }),
                'otherParent.alimonyDueMonthlyCents',
              )}
              <Checkbox isSelected={Boolean(d.otherParent.alimonyPaidRegularly)} onChange={(v) => set('otherParent', { alimonyPaidRegularly: v })}>
                {t('dossiers.alimonyPaid')}
              </Checkbox>
            </>
          ) : null}
          <Why keys={['otherParent.custody', 'otherParent.alimonyDueMonthlyCents', 'otherParent.alimonyPaidRegularly']} usage={usage} />
        </fieldset>
      ) : null}
      {step === 5 ? (
        <div className="stack">
          <dl className="summary">
            <dt>{t('dossiers.you')}</dt>
            <dd>
              <bdi>{[d.parent.firstName, d.parent.lastName].filter(Boolean).join(' ') || '—'}</bdi>
              {d.parent.birthDate ? (
                <>
                  {' · '}
                  <bdi>{fmt.date(d.parent.birthDate)}</bdi>
                </>
              ) : null}
            </dd>
            <dt>{t('dossiers.children')}</dt>
            <dd>
              {d.children.length
                ? d.children.map((c, i) => (
                    <span key={i}>
                      {i ? ', ' : ''}
                      <bdi>{c.firstName}</bdi> (<bdi>{fmt.date(c.birthDate)}</bdi>)
                    </span>
                  ))
                : '—'}
            </dd>
            <dt>{t('dossiers.address')}</dt>
            <dd>
              <Fr>{[d.address.line, d.address.postalCode, d.address.city].filter(Boolean).join(', ') || '—'}</Fr>
            </dd>
            <dt>{t('dossiers.housing')}</dt>
            <dd>{d.housing.status ? valueText(t, 'housing.status', d.housing.status, [], fmt.locale) : '—'}</dd>
          </dl>
          {extra}
        </div>
      ) : null}
      <div className="row">
        {step > 0 ? (
          <Button variant="secondary" onPress={() => setStep(step - 1)}>
            {t('dossiers.back')}
          </Button>
        ) : null}
        <Button type="submit" isDisabled={busy}>
          {step < steps.length - 1 ? t('dossiers.next') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
