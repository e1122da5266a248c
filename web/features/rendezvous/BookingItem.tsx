/** One booking as a card: what, when, where, who, documents, its status; the actions passed in. */
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { frDayTime, frTime, statusLabel } from './shared';
import type { BookingViewOut } from './types';

export function BookingItem({ b, children, headingLevel = 3 }: { b: BookingViewOut; children?: ReactNode; headingLevel?: 3 | 4 }) {
  const t = useT();
  const H = `h${headingLevel}` as 'h3' | 'h4';
  return (
    <li className="rdv-card">
      <H>{b.motif.name}</H>
      <p style={{ margin: 0 }}>
        <strong>
          {frDayTime(b.start)} – {frTime(b.end)}
        </strong>{' '}
        · {b.who} ·{' '}
        <span className="badge" data-tone={b.status === 'confirmed' || b.status === 'seen' ? 'success' : undefined}>
          {statusLabel(t, b.status)}
        </span>
        {b.viaWaitlist ? <span className="muted"> · {t('rendezvous.viaWaitlist')}</span> : null}
      </p>
      {b.lieu ? (
        <p style={{ margin: '0.25rem 0' }}>
          {b.lieu.name}, {b.lieu.address}
          {b.lieu.accessibility ? <span className="muted"> ({b.lieu.accessibility})</span> : null}
        </p>
      ) : null}
      {b.motif.documents.length && b.status === 'confirmed' ? (
        <p style={{ margin: '0.25rem 0' }}>
          <strong>{t('rendezvous.documents')} :</strong> {b.motif.documents.join(', ')}
        </p>
      ) : null}
      {children ? <div className="rdv-row">{children}</div> : null}
    </li>
  );
}
