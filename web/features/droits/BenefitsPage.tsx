/** Every benefit with its conditions, amounts and how to claim, without simulating. */
import { useEffect, useState } from 'react';
import { registerMessages, useT, useTx } from '../../app/i18n';
import { Fr, LegalName } from '../../app/lang';
import { FormErrors, LinkButton, PageHeader } from '../../ui';
import './droits.css';
import { useDroitsFormat } from './format';
import messages from './messages';
import { loadCatalogue } from './Results';
import type { BenefitInfo } from './types';

registerMessages('droits', messages);

export default function BenefitsPage() {
  const t = useT();
  const tx = useTx();
  const { dateLabel, euros } = useDroitsFormat();
  const [list, setList] = useState<BenefitInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadCatalogue().then(setList, setError);
  }, []);
  return (
    <>
      <PageHeader title={t('droits.list.title')} intro={t('droits.list.intro')} />
      <p>
        <LinkButton to="/droits/simulateur">{t('droits.list.simulate')}</LinkButton>
      </p>
      <FormErrors error={error} />
      {list ? (
        <div className="catalogue">
          <nav aria-labelledby="toc-title">
            <h2 id="toc-title">{t('droits.list.toc')}</h2>
            <ul className="catalogue-toc">
              {list.map((b) => (
                <li key={b.key}>
                  <a href={`#aide-${b.key}`}>
                    <LegalName k={`droits.b.${b.key}`} />
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {list.map((b) => (
            <article key={b.key} id={`aide-${b.key}`} aria-labelledby={`h-${b.key}`}>
              <h2 id={`h-${b.key}`}>
                <LegalName k={`droits.b.${b.key}`} /> <span className="badge">{b.acronym}</span>
              </h2>
              <p>
                <Fr>{b.summary}</Fr>
              </p>
              <p>{tx('droits.res.payer', { payer: <Fr>{b.payer}</Fr> })}</p>
              <h3>{t('droits.list.conditions')}</h3>
              <ul>
                {b.conditions.map((c) => (
                  <li key={c}>
                    <Fr>{c}</Fr>
                  </li>
                ))}
              </ul>
              {b.currentAmounts.length ? (
                <>
                  <h3>{t('droits.list.amounts', { date: dateLabel(b.amountsOn) })}</h3>
                  <table>
                    <caption className="visually-hidden">{t('droits.list.amounts', { date: dateLabel(b.amountsOn) })}</caption>
                    <tbody>
                      {b.currentAmounts.map((a) => (
                        <tr key={a.label}>
                          <th scope="row" style={{ fontWeight: 400, background: 'none' }}>
                            <Fr>{a.label}</Fr>
                          </th>
                          <td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>{euros(a.amount)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}
              <h3>{t('droits.list.how')}</h3>
              <ol>
                {b.howToClaim.map((s) => (
                  <li key={s}>
                    <Fr>{s}</Fr>
                  </li>
                ))}
              </ol>
              <h3>{t('droits.list.differ')}</h3>
              <p>
                <Fr>{b.whyItMayDiffer}</Fr>
              </p>
              <p>
                <a href={b.link} target="_blank" rel="noreferrer">
                  {t('droits.res.moreInfo')} — <Fr>{b.acronym}</Fr>
                </a>
              </p>
            </article>
          ))}
        </div>
      ) : null}
    </>
  );
}
