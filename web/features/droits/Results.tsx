/**
 * The estimate, benefit by benefit: the amount the CAF would pay, why (reference period,
 * resources used, where a real payment can differ) and how to ask for it.
 */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n, useT, useTx } from '../../app/i18n';
import { Alert } from '../../ui';
import { useApi } from '../../app/use-api';
import type { RevaluationsOut } from '../../../src/modules/droits';
import { glossaryFor } from '../../../src/modules/droits/shared';
import type { AlimonyStatus } from './answers';
import { isPeriodStep, useDroitsFormat } from './format';
import { Fr, LegalName } from '../../app/lang';
import { BENEFIT_KEYS, type BenefitInfo, type BenefitKey, type SimulationResult } from './types';

let catalogueCache: Promise<BenefitInfo[]> | null = null;
export function loadCatalogue(): Promise<BenefitInfo[]> {
  catalogueCache ??= api.get<{ benefits: BenefitInfo[] }>('/api/droits/benefits').then(
    (r) => r.benefits,
    (e) => {
      catalogueCache = null;
      throw e;
    },
  );
  return catalogueCache;
}

/** Which revaluation the amounts are, the next one expected, and one expected but not yet in our parameters. */
function RevaluationNote() {
  const tx = useTx();
  const { dateLabel } = useDroitsFormat();
  const r = useApi<RevaluationsOut>('/api/droits/revaluations');
  if (!r.data) return null;
  // The benefit families are named in French by the server.
  const say = (key: string, v: { date: string; families: string[] }) => tx(key, { date: dateLabel(v.date), families: <Fr>{v.families.join(', ')}</Fr> });
  return (
    <div className="muted droits-revaluation">
      {r.data.current ? <p>{say('droits.res.revaluation', r.data.current)}</p> : null}
      {r.data.late.map((l) => (
        <p key={l.date}>{say('droits.res.lateRevaluation', l)}</p>
      ))}
      {r.data.next ? <p>{say('droits.res.nextRevaluation', r.data.next)}</p> : null}
    </div>
  );
}

export function useCatalogue(): BenefitInfo[] | null {
  const [c, setC] = useState<BenefitInfo[] | null>(null);
  useEffect(() => {
    loadCatalogue().then(setC, () => setC([]));
  }, []);
  return c;
}

/** Open every "pourquoi" / "comment" while printing: a closed <details> prints nothing. */
export function useOpenDetailsForPrint(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')];
      opened.forEach((d) => (d.open = true));
    };
    const after = () => opened.forEach((d) => (d.open = false));
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

export function HowToClaim({ info }: { info: BenefitInfo | undefined }) {
  const t = useT();
  const tx = useTx();
  if (!info) return null;
  return (
    <>
      <p>{tx('droits.res.payer', { payer: <Fr>{info.payer}</Fr> })}</p>
      <ol>
        {info.howToClaim.map((s) => (
          <li key={s}>
            <Fr>{s}</Fr>
          </li>
        ))}
      </ol>
      <p>
        <a href={info.link} target="_blank" rel="noreferrer">
          {t('droits.res.moreInfo')} — <Fr>{info.acronym}</Fr>
        </a>
      </p>
    </>
  );
}

function Why({ k, result, info }: { k: BenefitKey; result: SimulationResult; info?: BenefitInfo }) {
  const t = useT();
  const { stepValue } = useDroitsFormat();
  const { easyRead } = useI18n();
  const ex = result.explanations[k];
  const periods = ex.steps.filter(isPeriodStep);
  const used = ex.steps.filter((s) => !isPeriodStep(s));
  const refs = [...new Set(ex.steps.map((s) => s.reference).filter((r): r is string => Boolean(r)))];
  const yes = t('droits.yes');
  const no = t('droits.no');
  const words = glossaryFor([...used.map((s) => s.label), ...periods.map((s) => s.label), ...(k === 'ars_annuel' ? [] : ['CRDS'])]);
  const glossary = words.length ? (
    <>
      <h5>{t('droits.res.words')}</h5>
      <dl className="droits-glossary">
        {words.map((g) => (
          <div key={g.term}>
            <dt>
              <Fr>{g.term}</Fr>
            </dt>
            <dd>
              <Fr>{g.text}</Fr>
            </dd>
          </div>
        ))}
      </dl>
    </>
  ) : null;
  const table = (
    <table className="droits-why-table">
      <caption className="visually-hidden">{t('droits.res.resources')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('droits.res.step')}</th>
          <th scope="col" style={{ textAlign: 'end' }}>
            {t('droits.res.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {used.map((s, i) => (
          <tr key={i}>
            <td>
              <Fr>{s.label}</Fr>
            </td>
            <td className="num">{typeof s.value === 'string' ? <Fr>{s.value}</Fr> : stepValue(s, yes, no)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <p>{t(`droits.basis.${k}`)}</p>
      {periods.length ? (
        <>
          <h5>{t('droits.res.period')}</h5>
          <ul>
            {periods.map((s, i) => (
              <li key={i}>
                <Fr>{s.label}</Fr> : <strong>{typeof s.value === 'string' ? <Fr>{s.value}</Fr> : stepValue(s, yes, no)}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {used.length ? (
        easyRead ? (
          <details>
            <summary>{t('droits.res.detail')}</summary>
            {table}
            {glossary}
          </details>
        ) : (
          <>
            <h5>{t('droits.res.resources')}</h5>
            {table}
            {glossary}
          </>
        )
      ) : (
        glossary
      )}
      <h5>{t('droits.res.differ')}</h5>
      <p>{t('droits.res.differCommon')}</p>
      {info ? (
        <p>
          <Fr>{info.whyItMayDiffer}</Fr>
        </p>
      ) : null}
      {refs.length && !easyRead ? (
        <>
          <h5 className="refs-title">{t('droits.res.law')}</h5>
          <ul className="refs">
            {refs.map((r) => {
              const [title, href] = r.split(' — ');
              return (
                <li key={r}>
                  {href?.startsWith('https://') ? (
                    <a href={href} target="_blank" rel="noreferrer">
                      <Fr>{title}</Fr>
                    </a>
                  ) : (
                    <Fr>{r}</Fr>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}

const MONTHLY = BENEFIT_KEYS.filter((k) => k !== 'ars_annuel');

/** The engine's reason (French), or a short sentence of ours in "facile à lire" and in other languages. */
export function useReason(): (k: BenefitKey, result: SimulationResult) => string {
  const t = useT();
  const { easyRead, locale } = useI18n();
  return (k, result) => (easyRead || locale !== 'fr' ? t(`droits.short.${k}.${result.amounts[k] > 0 ? 'yes' : 'no'}`) : result.explanations[k].reason);
}

export function Results({ result, alimonyStatus, parameterDate }: { result: SimulationResult; alimonyStatus: AlimonyStatus | null; parameterDate?: string }) {
  const t = useT();
  const { euros, monthLabel, dateLabel } = useDroitsFormat();
  const reason = useReason();
  const catalogue = useCatalogue();
  useOpenDetailsForPrint();
  const info = (k: BenefitKey) => catalogue?.find((b) => b.key === k);
  const eligible = BENEFIT_KEYS.filter((k) => result.amounts[k] > 0);
  const others = BENEFIT_KEYS.filter((k) => !(result.amounts[k] > 0));
  const total = MONTHLY.reduce((s, k) => s + result.net_crds[k], 0);
  const aripa =
    alimonyStatus === 'unpaid'
      ? 'droits.res.aripaUnpaid'
      : alimonyStatus === 'partly'
        ? 'droits.res.aripaPartly'
        : alimonyStatus === 'none'
          ? 'droits.res.aripaNone'
          : null;
  return (
    <section aria-labelledby="droits-results">
      <h2 id="droits-results">{t('droits.res.title')}</h2>
      <p>
        {t('droits.res.forMonth', {
          month: monthLabel(result.period),
          date: dateLabel(parameterDate ?? `${result.period.slice(0, 7)}-01`),
        })}
      </p>
      <RevaluationNote />
      {eligible.length ? (
        <div className="droits-total">
          <strong>{t('droits.res.total', { amount: euros(total) })}</strong>
          <span>{t('droits.res.totalHelp')}</span>
          {result.amounts.ars_annuel > 0 ? <p style={{ margin: '0.4rem 0 0' }}>{t('droits.res.ars', { amount: euros(result.net_crds.ars_annuel) })}</p> : null}
        </div>
      ) : (
        <Alert tone="info">{t('droits.res.none')}</Alert>
      )}
      <Alert tone="warning">{t('droits.res.estimate')}</Alert>
      {eligible.length ? (
        <>
          <h3>{t('droits.res.eligible')}</h3>
          <ul className="benefits">
            {eligible.map((k) => {
              const yearly = k === 'ars_annuel';
              const net = result.net_crds[k];
              return (
                <li key={k}>
                  <article className="benefit" aria-labelledby={`b-${k}`}>
                    <h4 id={`b-${k}`}>
                      <LegalName k={`droits.b.${k}`} />
                    </h4>
                    <p className="amount">{t(yearly ? 'droits.res.perYear' : 'droits.res.perMonth', { amount: euros(net) })}</p>
                    {result.amounts[k] !== net ? <p className="gross">{t('droits.res.gross', { amount: euros(result.amounts[k]) })}</p> : null}
                    <p>{reason(k, result)}</p>
                    {k === 'asf' && aripa ? <Alert tone="info">{t(aripa)}</Alert> : null}
                    <details>
                      <summary>{t('droits.res.why')}</summary>
                      <Why k={k} result={result} info={info(k)} />
                    </details>
                    <details>
                      <summary>{t('droits.res.how')}</summary>
                      <HowToClaim info={info(k)} />
                    </details>
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {others.length ? (
        <div className="benefit-off">
          <h3>{t('droits.res.notEligible')}</h3>
          <ul className="benefits">
            {others.map((k) => (
              <li key={k}>
                <article className="benefit" aria-labelledby={`b-${k}`}>
                  <h4 id={`b-${k}`}>
                    <LegalName k={`droits.b.${k}`} />
                  </h4>
                  <p>{reason(k, result)}</p>
                  {k === 'asf' && aripa ? <Alert tone="info">{t(aripa)}</Alert> : null}
                  <details>
                    <summary>{t('droits.res.whyNot')}</summary>
                    <Why k={k} result={result} info={info(k)} />
                  </details>
                </article>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
