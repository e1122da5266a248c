/** One aid's answer for a household (the family's file, or the no-account simulator): the badge, what it gives, why not or what is still to tell, where to ask. */
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { DemoBadge, LinkButton } from '../../ui';
import { EligibilityBadge } from './shared';
import type { EligibilityList } from '../../../src/modules/aides';

export type Eligibility = EligibilityList['results'][number];

/** Eligible first, then to check, then the others. */
export const byLikelihood = (a: Eligibility, b: Eligibility) => rank(a.status) - rank(b.status);
const rank = (s: string) => (s === 'eligible' ? 0 : s === 'to_check' ? 1 : 2);

/** `askHref`: where the family asks (its request form); null shows no button (no account). An aid issued from the file (the Pass) says so instead. */
export function EligibilityItem({ x, askHref }: { x: Eligibility; askHref: string | null }) {
  const t = useT();
  return (
    <li className="item-card">
      <h3>
        <Fr>{x.title}</Fr>
      </h3>
      <div className="item-row">
        <EligibilityBadge status={x.status} />
        {x.priority ? <span className="badge">{t('aides.priority')}</span> : null}
        {x.demo ? <DemoBadge label={t('aides.demo')} /> : null}
      </div>
      <p>
        <Fr>{x.benefit}</Fr>
      </p>
      {x.status === 'not_eligible' ? (
        <>
          <p>{t('aides.why')}</p>
          <ul>
            {x.reasons.map((m) => (
              <li key={m}>
                <Fr>{m}</Fr>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {x.status === 'to_check' ? (
        <>
          <p>{t('aides.questions')}</p>
          <ul>
            {x.questions.map((q) => (
              <li key={q.key}>
                <Fr>{q.label}</Fr>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {x.status !== 'not_eligible' && askHref && x.askable ? <LinkButton to={askHref}>{t('aides.ask')}</LinkButton> : null}
      {x.status !== 'not_eligible' && !x.askable ? <p>{t('aides.issuedFromFile')}</p> : null}
    </li>
  );
}
