/** What the aides pages share: their texts, the eligibility badge. */
import { registerMessages, useT } from '../../app/i18n';
import messages from './messages';
import './aides.css';

registerMessages('aides', messages);

/** `staff`: the third person of the agents' pages ("Éligible"), not the family's "Vous pouvez l'obtenir". */
export function EligibilityBadge({ status, staff = false }: { status: 'eligible' | 'not_eligible' | 'to_check'; staff?: boolean }) {
  const t = useT();
  const label =
    status === 'eligible'
      ? t(staff ? 'aides.staffEligible' : 'aides.eligible')
      : status === 'to_check'
        ? t('aides.toCheck')
        : t(staff ? 'aides.staffNotEligible' : 'aides.notEligible');
  return (
    <span className="badge" data-tone={status === 'eligible' ? 'success' : undefined}>
      {label}
    </span>
  );
}
