/** Every benefit with its conditions, amounts and how to claim, without simulating. */
import { useEffect, useState } from 'react';
import { registerMessages, useT } from '../../app/i18n';
import { FormErrors, LinkButton, PageHeader } from '../../ui';
import './droits.css';
import { dateLabel, euros } from './format';
import messages from './messages';
import { loadCatalogue } from './Results';
import type { BenefitInfo } from './types';

registerMessages('droits', messages);

export default function BenefitsPage() {
  const t = useT();
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
                  <a href={`#aide-${b.key}`}>{b.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {list.map((b) => (
            <article key={b.key} id={`aide-${b.key}`} aria-labelledby={`h-${b.key}`}>
              <h2 id={`h-${b.key}`}>
                {b.name} <span className="badge">{b.acronym}</span>
              </h2>
              <p>{b.summary}</p>
              <p>{t('droits.res.payer', { payer: b.payer })}</p>
              <h3>{t('droits.list.conditions')}</h3>
              <ul>
                {b.conditions.map((c) => (
                  <li key={c}>{c}</li>
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
                            {a.label}
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
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <h3>{t('droits.list.differ')}</h3>
              <p>{b.whyItMayDiffer}</p>
              <p>
                <a href={b.link} target="_blank" rel="noreferrer">
                  {t('droits.res.moreInfo')} — {b.acronym}
                </a>
              </p>
            </article>
          ))}
        </div>
      ) : null}
    </>
  );
}
