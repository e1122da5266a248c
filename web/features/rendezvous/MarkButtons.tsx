/** The agent's marks on a booking: seen, no-show (after its start), excused, revoked by the service. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button, FormErrors } from '../../ui';
import { statusLabel } from './shared';
import type { BookingViewOut } from './types';

const MARKS = [
  { status: 'seen', label: 'rendezvous.markSeen' },
  { status: 'noshow', label: 'rendezvous.markNoShow' },
  { status: 'excused', label: 'rendezvous.markExcused' },
  { status: 'revoked', label: 'rendezvous.markRevoked' },
] as const;

export function MarkButtons({ b, onDone }: { b: BookingViewOut; onDone: (message: string) => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const mark = async (status: (typeof MARKS)[number]['status']) => {
    setError(null);
    try {
      await api.post(`/api/rendezvous/bookings/${b.id}/status`, { status });
      onDone(t('rendezvous.marked', { status: statusLabel(t, status) }));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const presence = b.status === 'seen' || b.status === 'noshow';
  return (
    <>
      {MARKS.filter((m) => b.status === 'confirmed' || (presence && (m.status === 'seen' || m.status === 'noshow') && m.status !== b.status)).map((m) => (
        <Button key={m.status} variant={m.status === 'seen' ? 'primary' : m.status === 'revoked' ? 'danger' : 'secondary'} onPress={() => void mark(m.status)}>
          {t(m.label)}
        </Button>
      ))}
      <FormErrors error={error} />
    </>
  );
}
