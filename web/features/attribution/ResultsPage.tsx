/**
 * Staff: the published allocation of a campaign. Per group: who is admitted, the waitlist in
 * order, the last admitted score, and each offer's life (made, confirmed, refused, expired,
 * passed on to the next family). Per family (by number): points by criterion, rank, outcome.
 */
import type { Results } from '../../../src/modules/attribution';
import { frDateTime, frLongDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Loaded } from '../../ui';
import { outcomeText, score } from './display';
import messages from './messages';
import { PointsTable } from './PointsTable';
import { StaffCampaignPage } from './shared';
import './attribution.css';

registerMessages('attribution', messages);

type Group = Results['groups'][number];
type Offer = Group['offers'][number];

function OfferLine({ o }: { o: Offer }) {
  const t = useT();
  const made = t(o.passedOn ? 'attribution.offerPassedOn' : 'attribution.offerMade', { n: o.number, date: frDateTime(o.createdAt) });
  const end =
    o.status === 'offered'
      ? t('attribution.offerWaiting', { date: frDateTime(o.expiresAt) })
      : t(`attribution.offerEnded.${o.status}`, { date: frDateTime(o.decidedAt) });
  return (
    <li data-status={o.status}>
      <strong>{made}</strong> — {end}
    </li>
  );
}

function GroupResults({ g }: { g: Group }) {
  const t = useT();
  const id = `group-${g.id}`;
  return (
    <section aria-labelledby={id} className="card results-group">
      <h3 id={id}>{g.label}</h3>
      <p className="meta">
        <span>{t('attribution.places', { n: g.capacity })}</span>
        <span>{t('attribution.admittedCount', { n: g.admitted.length })}</span>
        <span>
          {t('attribution.lastAdmitted')} : <strong>{g.lastAdmittedScore === null ? t('attribution.noneAdmitted') : score(g.lastAdmittedScore)}</strong>
        </span>
      </p>
      <div className="results-columns">
        <div>
          <h4>{t('attribution.admittedTitle')}</h4>
          {g.admitted.length ? (
            <ul className="ranked">
              {g.admitted.map((a) => (
                <li key={a.id}>
                  {t('attribution.rankedLine', { n: a.number, rank: a.rank, score: score(a.score) })}
                  {a.offer ? ` — ${t(`attribution.offerState.${a.offer.status}`)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('attribution.noneAdmitted')}</p>
          )}
        </div>
        <div>
          <h4>{t('attribution.waitlistTitle')}</h4>
          {g.waitlist.length ? (
            <ul className="ranked">
              {g.waitlist.map((a) => (
                <li key={a.id}>
                  {t('attribution.waitlistLine', { n: a.number, position: a.position ?? 0, score: score(a.score) })}
                  {a.offer ? ` — ${t(`attribution.offerState.${a.offer.status}`)}${a.offer.groupLabel !== g.label ? ` (${a.offer.groupLabel})` : ''}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('attribution.nobodyWaiting')}</p>
          )}
        </div>
      </div>
      <h4>{t('attribution.offersTitle')}</h4>
      {g.offers.length ? (
        <ul className="offer-log">
          {g.offers.map((o) => (
            <OfferLine key={o.id} o={o} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('attribution.noOffer')}</p>
      )}
    </section>
  );
}

function Families({ r }: { r: Results }) {
  const t = useT();
  return (
    <section aria-labelledby="families">
      <h2 id="families">{t('attribution.familiesTitle')}</h2>
      <ul className="family-results">
        {r.applications.map((a) => (
          <li key={a.id}>
            <details>
              <summary>
                {t('attribution.familyLine', { n: a.number, rank: a.rank, total: r.total, score: score(a.score) })} — {outcomeText(t, a.outcome)}
                {a.offer ? ` · ${t(`attribution.offerState.${a.offer.status}`)}` : ''}
              </summary>
              <PointsTable caption={t('attribution.breakdownOf', { n: a.number })} breakdown={a.breakdown} total={a.score} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Body({ id }: { id: string }) {
  const t = useT();
  const r = useApi<Results>(`/api/attribution/campaigns/${id}/results`);
  return (
    <Loaded resource={r}>
      {(d) => (
        <>
          <p>
            {t('attribution.resultsSummary', { date: frLongDate(d.publishedAt), total: d.total })} {t('attribution.offersSummary', d.offers)}
          </p>
          <section aria-labelledby="per-group">
            <h2 id="per-group">{t('attribution.perGroup')}</h2>
            {d.groups.map((g) => (
              <GroupResults key={g.id} g={g} />
            ))}
          </section>
          <Families r={d} />
        </>
      )}
    </Loaded>
  );
}

export default function ResultsPage() {
  const t = useT();
  return (
    <StaffCampaignPage current="results" heading={t('attribution.resultsTitle')}>
      {(c) => <Body id={c.id} />}
    </StaffCampaignPage>
  );
}
