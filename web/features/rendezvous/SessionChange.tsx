/** Staff change a slot's place or agent from the agenda (the time stays); the families booked are told. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button, FormErrors, SelectField } from '../../ui';
import type { BookingViewOut, Offer } from './types';

export function SessionChange({ b, offer, onDone }: { b: BookingViewOut; offer: Offer; onDone: (message: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [lieuId, setLieuId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button variant="ghost" onPress={() => setOpen(true)}>
        {t('rendezvous.changeSession')}
      </Button>
    );
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ told: number }>(`/api/rendezvous/sessions/${b.sessionId}/change`, {
        ...(lieuId ? { lieuId } : {}),
        ...(agentId ? { agentId } : {}),
      });
      setOpen(false);
      onDone(t('rendezvous.sessionChanged', { n: r.told }));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="field rdv-change">
      <legend>{t('rendezvous.changeSessionTitle')}</legend>
      <p className="muted">{t('rendezvous.changeSessionHelp')}</p>
      <FormErrors error={error} />
      <SelectField
        name="lieuId"
        label={t('rendezvous.newLieu')}
        value={lieuId}
        onChange={setLieuId}
        options={[{ value: '', label: t('rendezvous.unchanged') }, ...offer.lieux.map((l) => ({ value: l.id, label: `${l.name}, ${l.address}` }))]}
        error={error?.field('lieuId')}
      />
      <SelectField
        name="agentId"
        label={t('rendezvous.newAgent')}
        value={agentId}
        onChange={setAgentId}
        options={[{ value: '', label: t('rendezvous.unchanged') }, ...offer.agents.map((a) => ({ value: a.id, label: a.name }))]}
        error={error?.field('agentId')}
      />
      <div className="item-row">
        <Button onPress={() => void save()} isDisabled={busy || (!lieuId && !agentId)}>
          {t('rendezvous.changeSessionSave')}
        </Button>
        <Button variant="ghost" onPress={() => setOpen(false)}>
          {t('rendezvous.keepAsIs')}
        </Button>
      </div>
    </fieldset>
  );
}
