/** The family's file as an agent reads it (on the page and on paper): labels, euros, French dates, third person. */
import { useT } from '../../app/i18n';
import { formatEuros, frDate } from '../../app/format';
import { useTown } from '../../app/town';
import { valueText } from './labels';
import type { Household } from './types';

export function DeskSummary({ h, print = false }: { h: Household; print?: boolean }) {
  const t = useT();
  const town = useTown();
  const s = h.situation;
  const unknown = t('desk.unknown');
  const money = (c: number | null | undefined) => (c == null ? unknown : formatEuros(c));
  const hood = town.neighbourhoods.find((n) => n.id === h.address.neighbourhoodId)?.name;
  const Section = print ? 'section' : 'div';
  return (
    <div className="desk-summary">
      <Section>
        <h2 className={print ? undefined : 'visually-hidden'}>{t('desk.sectionParent')}</h2>
        <dl className="summary">
          <dt>{t('desk.name')}</dt>
          <dd>{[h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || unknown}</dd>
          <dt>{t('desk.birthDate')}</dt>
          <dd>{h.parent.birthDate ? frDate(h.parent.birthDate) : unknown}</dd>
          <dt>{t('desk.phone')}</dt>
          <dd>{h.parent.phone ?? unknown}</dd>
          {print ? (
            <>
              <dt>{t('desk.email')}</dt>
              <dd>{h.parent.email ?? unknown}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section>
        <h2>{t('desk.sectionChildren')}</h2>
        {h.children.length ? (
          <ul className="plain-list">
            {h.children.map((c) => (
              <li key={c.id}>
                {t('desk.childLine', { name: c.firstName, date: frDate(c.birthDate) })} — {t(`desk.custody.${c.custody}`)}
                {c.schoolName ? ` — ${t('desk.school', { school: c.schoolName })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('desk.childrenNone')}</p>
        )}
        {h.otherParent?.alimonyDueMonthlyCents != null ? (
          <p>
            {t('desk.otherParent')} : {t('desk.alimonyDue', { amount: formatEuros(h.otherParent.alimonyDueMonthlyCents) })}
            {h.otherParent.alimonyPaidRegularly === false ? `, ${t('desk.alimonyIrregular')}` : ''}
          </p>
        ) : null}
      </Section>
      <Section>
        <h2>{t('desk.sectionAddress')}</h2>
        <p>
          {[h.address.line, h.address.postalCode, h.address.city].filter(Boolean).join(', ') || unknown}
          {hood ? ` — ${t('desk.neighbourhood')} : ${hood}` : ''}
        </p>
      </Section>
      <Section>
        <h2>{t('desk.sectionResources')}</h2>
        <dl className="summary">
          <dt>{t('desk.activity')}</dt>
          <dd>{s.activity ? t(`desk.activity.${s.activity}`) : unknown}</dd>
          <dt>{t('desk.salary')}</dt>
          <dd>{money(s.salaryNetMonthlyCents)}</dd>
          {s.unemploymentNetMonthlyCents ? (
            <>
              <dt>{t('desk.unemployment')}</dt>
              <dd>{money(s.unemploymentNetMonthlyCents)}</dd>
            </>
          ) : null}
          <dt>{t('desk.alimony')}</dt>
          <dd>{money(s.alimonyReceivedMonthlyCents)}</dd>
          <dt>{t('desk.familyBenefits')}</dt>
          <dd>{money(s.familyBenefitsMonthlyCents)}</dd>
          <dt>{t('desk.housing')}</dt>
          <dd>{h.housing.status ? valueText(t, 'housing.status', h.housing.status) : unknown}</dd>
          <dt>{t('desk.rent')}</dt>
          <dd>{money(h.housing.rentMonthlyCents)}</dd>
          <dt>{t('desk.qf')}</dt>
          <dd>
            {h.quotient.value == null ? unknown : t(h.quotient.source === 'entered' ? 'desk.qfEntered' : 'desk.qfComputed', { v: `${h.quotient.value} €` })}
          </dd>
        </dl>
      </Section>
      {print ? (
        <Section>
          <h2>{t('desk.sectionDocuments')}</h2>
          {h.documents.length ? (
            <ul className="plain-list">
              {h.documents.map((d) => (
                <li key={d.id}>
                  {d.label ?? t(`dossiers.kind.${d.kind}`)} —{' '}
                  {d.validUntil ? t(d.expired ? 'desk.docExpired' : 'desk.docValid', { date: frDate(d.validUntil) }) : t('desk.docNoDate')}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('desk.documentsNone')}</p>
          )}
        </Section>
      ) : null}
    </div>
  );
}
