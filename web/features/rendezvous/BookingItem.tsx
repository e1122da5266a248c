/** One booking as a card: what, when, where, who, documents, its status; the actions passed in. */
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { statusLabel, useWhen } from './shared';
import type { BookingViewOut } from './types';

export function BookingItem({ b, children, headingLevel = 3 }: { b: BookingViewOut; children?: ReactNode; headingLevel?: 3 | 4 }) {
  const t = useT();
  const w = useWhen();
  const H = `h${headingLevel}` as 'h3' | 'h4';
  return (
    <li className="item-card">
      <H>
        <Fr>{b.motif.name}</Fr>
      </H>
      <p style={{ margin: 0 }}>
        <strong>
          {w.dayTime(b.start)} – {w.time(b.end)}
        </strong>{' '}
        · {b.who} ·{' '}
        <span className="badge" data-tone={b.status === 'confirmed' || b.status === 'seen' ? 'success' : undefined}>
          {statusLabel(t, b.status)}
        </span>
        {b.viaWaitlist ? <span className="muted"> · {t('rendezvous.viaWaitlist')}</span> : null}
      </p>
      {b.proposedBy ? (
        <p className="muted" style={{ margin: '0.25rem 0' }}>
          {t('rendezvous.proposedBy', { name: b.proposedBy })}
        </p>
      ) : null}
      {b.lieu ? (
        <p style={{ margin: '0.25rem 0' }}>
          <Fr>
            {b.lieu.name}, {b.lieu.address}
          </Fr>
          {b.lieu.accessibility ? (
            <span className="muted">
              {' '}
              (<Fr>{b.lieu.accessibility}</Fr>)
            </span>
          ) : null}
        </p>
      ) : null}
      {b.motif.documents.length && b.status === 'confirmed' ? (
        <p style={{ margin: '0.25rem 0' }}>
          <strong>{t('rendezvous.labelColon', { label: t('rendezvous.documents') })}</strong> <Fr>{b.motif.documents.join(', ')}</Fr>
        </p>
      ) : null}
      {children ? <div className="item-row">{children}</div> : null}
    </li>
  );
}
