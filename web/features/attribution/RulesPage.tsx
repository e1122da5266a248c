/** The published rules of a campaign, before anyone applies: criteria, points, proofs, tie-break, groups (and once published, the last admitted score). */
import { registerMessages, useFormat, useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { DemoBadge, LinkButton, Loaded, PageHeader } from '../../ui';
import { ages, readOf, score, signed, windowText } from './display';
import messages from './messages';
import { StatusBadge } from './shared';
import type { CampaignRules } from '../../../src/modules/attribution';
import './attribution.css';

registerMessages('attribution', messages);

export function CriteriaList({ rules }: { rules: CampaignRules }) {
  const t = useT();
  const { locale } = useI18n();
  return (
    <ul className="criteria-list">
      {rules.criteria.map((c) => (
        <li key={c.code}>
          <div className="head">
            <strong>
              <Fr>{c.label}</Fr>
            </strong>
            <span className="pts" data-negative={c.weight < 0}>
              {signed(c.weight, locale)} {t('attribution.points').toLowerCase()}
            </span>
          </div>
          {c.description ? (
            <p style={{ margin: '0.3rem 0' }}>
              <Fr>{c.description}</Fr>
            </p>
          ) : null}
          {c.proof || c.proofDocument ? (
            <p className="muted" style={{ margin: 0 }}>
              {t('attribution.proof')} : {c.proof ? <Fr>{c.proof}</Fr> : t(`attribution.doc.${c.proofDocument}`)}
            </p>
          ) : null}
          {/* Relais' own records (siblings, earlier campaigns, refusals) are said by the proof line already. */}
          {['single_parent', 'qf', 'work'].includes(readOf(c.derive)) ? (
            <p className="muted" style={{ margin: 0 }}>
              {t(`attribution.fileField.${readOf(c.derive)}`)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function GroupsTable({ rules }: { rules: CampaignRules }) {
  const t = useT();
  const { locale } = useI18n();
  const published = rules.status === 'published';
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{t('attribution.groups')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attribution.group')}</th>
            <th scope="col">{t('attribution.ages')}</th>
            <th scope="col" className="num">
              {t('attribution.capacity')}
            </th>
            {published ? (
              <th scope="col" className="num">
                {t('attribution.lastAdmitted')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rules.groups.map((g) => (
            <tr key={g.id}>
              <th scope="row" style={{ fontWeight: 600 }}>
                <Fr>{g.label}</Fr>
                {g.site ? (
                  <div className="muted" style={{ fontWeight: 400 }}>
                    <Fr>{g.site}</Fr>
                  </div>
                ) : null}
              </th>
              <td>{ages(t, g.ageMin, g.ageMax)}</td>
              <td className="num">{g.capacity}</td>
              {published ? <td className="num">{g.lastAdmittedScore === null ? t('attribution.noneAdmitted') : score(g.lastAdmittedScore, locale)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function RulesPage() {
  const t = useT();
  const f = useFormat();
  const { id } = useParams();
  const { user } = useSession();
  const r = useApi<CampaignRules>(`/api/attribution/public/campaigns/${id}`);
  return (
    <div className="attribution">
      <p className="breadcrumb">
        <Link to="/places">{t('attribution.back')}</Link>
      </p>
      <Loaded resource={r}>
        {(c) => (
          <>
            <PageHeader title={c.title} intro={c.description}>
              <p className="meta">
                <StatusBadge status={c.status} />
                <span>{t(`attribution.kind.${c.kind}`)}</span>
                {c.isDemo ? <DemoBadge label={t('attribution.example')} /> : null}
              </p>
              {windowText(t, f.longDate, c.opensAt, c.closesAt) ? <p>{windowText(t, f.longDate, c.opensAt, c.closesAt)}</p> : null}
              {c.status === 'open' && (!user || user.role === 'parent') ? (
                <LinkButton to={user ? `/places/campagnes/${c.id}/demande` : `/connexion?retour=${encodeURIComponent(`/places/campagnes/${c.id}/demande`)}`}>
                  {t('attribution.apply')}
                </LinkButton>
              ) : null}
            </PageHeader>
            <section aria-labelledby="rules">
              <h2 id="rules">{t('attribution.rulesTitle')}</h2>
              <p>{t('attribution.rulesIntro')}</p>
              <CriteriaList rules={c} />
              <h3>{t('attribution.preferences')}</h3>
              <p>{t('attribution.preferencesText')}</p>
              <h3>{t('attribution.tieBreak')}</h3>
              <p>{c.tieBreak}</p>
              <p className="muted">{t('attribution.offerDelay', { n: c.offerDays })}</p>
            </section>
            <section aria-labelledby="groups">
              <h2 id="groups">{t('attribution.groups')}</h2>
              <GroupsTable rules={c} />
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
