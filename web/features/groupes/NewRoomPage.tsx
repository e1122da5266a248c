/** Create a room (agents, who then facilitate it, and coordination): name, theme, neighbourhood, discussion or announcements. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useTown } from '../../app/town';
import { Button, FormErrors, PageHeader, RadioGroup, RequireRole, SelectField, TextField } from '../../ui';
import messages from './messages';
import { THEMES } from './labels';
import './groupes.css';

registerMessages('groupes', messages);

function NewRoomForm() {
  const t = useT();
  const town = useTown();
  const { user } = useSession();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [theme, setTheme] = useState('separation');
  const [neighbourhood, setNeighbourhood] = useState('');
  const [kind, setKind] = useState('discussion');
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const facilitates = user?.role === 'agent' || user?.role === 'coordinator';
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const { id } = await api.post<{ id: string }>('/api/groupes/rooms', {
        name,
        description,
        theme,
        neighbourhood: neighbourhood || null,
        kind,
        pseudonym: facilitates && pseudonym ? pseudonym : null,
      });
      navigate(`/groupes/salons/${id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="groupes-form">
      <FormErrors
        error={error}
        labels={{
          name: t('groupes.roomName'),
          theme: t('groupes.theme'),
          neighbourhood: t('groupes.roomNeighbourhood'),
          pseudonym: t('groupes.facilitatorPseudonym'),
        }}
      />
      <TextField label={t('groupes.roomName')} value={name} onChange={setName} isRequired error={error?.field('name')} />
      <TextField label={t('groupes.roomDescription')} value={description} onChange={setDescription} multiline error={error?.field('description')} />
      <SelectField
        label={t('groupes.theme')}
        name="theme"
        value={theme}
        onChange={setTheme}
        options={Object.entries(THEMES).map(([value, label]) => ({ value, label }))}
        error={error?.field('theme')}
      />
      <SelectField
        label={t('groupes.roomNeighbourhood')}
        name="neighbourhood"
        value={neighbourhood}
        onChange={setNeighbourhood}
        options={[{ value: '', label: t('groupes.allTown') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
        error={error?.field('neighbourhood')}
      />
      <RadioGroup
        label={t('groupes.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'discussion', label: t('groupes.kindDiscussion'), help: t('groupes.kindDiscussionHelp') },
          { value: 'announcement', label: t('groupes.kindAnnouncement'), help: t('groupes.kindAnnouncementHelp') },
        ]}
      />
      {facilitates ? (
        <TextField
          label={t('groupes.facilitatorPseudonym')}
          help={
            user?.role === 'agent'
              ? t('groupes.facilitatorPseudonymHelp')
              : `${t('groupes.facilitatorPseudonymHelp')} ${t('groupes.facilitatorPseudonymOptional')}`
          }
          value={pseudonym}
          onChange={setPseudonym}
          isRequired={user?.role === 'agent'}
          error={error?.field('pseudonym')}
        />
      ) : null}
      <Button type="submit">{t('groupes.create')}</Button>
    </form>
  );
}

export default function NewRoomPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('groupes.createTitle')} intro={t('groupes.createIntro')} />
      <p>
        <Link to="/groupes">{t('groupes.back')}</Link>
      </p>
      <RequireRole roles={['agent', 'coordinator', 'admin']}>
        <NewRoomForm />
      </RequireRole>
    </>
  );
}
