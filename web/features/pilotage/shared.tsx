/** Small pieces shared by the pilotage pages. */
import type { ReactNode } from 'react';
import { registerMessages, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import ideasMessages from './ideas-messages';
import messages from './messages';
import type { ActionStatus, Standing } from './types';
import './pilotage.css';

registerMessages('pilotage', messages);
registerMessages('pilotage.idees', ideasMessages);

export const READERS = ['agent', 'coordinator', 'admin'] as const;

export function useCanEdit(): boolean {
  const { user } = useSession();
  return user?.role === 'coordinator' || user?.role === 'admin';
}

export function StatusBadge({ status }: { status: ActionStatus }) {
  const t = useT();
  return (
    <span className="status" data-status={status}>
      {t(`pilotage.status.${status}`)}
    </span>
  );
}

export function StandingText({ standing }: { standing: Standing }) {
  return (
    <span className="standing" data-state={standing.state}>
      {standing.label}
    </span>
  );
}

/** A table that may scroll sideways on a phone: the region takes the keyboard focus. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
