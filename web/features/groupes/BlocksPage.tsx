/** A person's own blocks (both ways): who, under the pseudonym they share a room with, and lifting one. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, Loaded, PageHeader, RequireRole } from '../../ui';
import type { Blocks } from '../../../src/modules/groupes';
import messages from './messages';
import './groupes.css';

registerMessages('groupes', messages);

function BlockList() {
  const t = useT();
  const blocks = useApi<Blocks>('/api/groupes/blocks');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <Loaded resource={blocks}>
      {(d) => (
        <>
          <FormErrors error={error} />
          {done ? (
            <Alert tone="success" live>
              {done}
            </Alert>
          ) : null}
          {d.blocks.length ? (
            <ul className="groupes-roster" data-testid="blocks">
              {d.blocks.map((b) => {
                const name = b.pseudonym ?? t('groupes.someone');
                return (
                  <li key={b.userId}>
                    <span>{name}</span>
                    <Button
                      variant="secondary"
                      aria-label={t('groupes.unblockLabel', { name })}
                      onPress={async () => {
                        try {
                          await api.del(`/api/groupes/blocks/${b.userId}`);
                          setError(null);
                          setDone(t('groupes.unblocked', { name }));
                          blocks.reload();
                        } catch (err) {
                          setError(err as ApiError);
                        }
                      }}
                    >
                      {t('groupes.unblock')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t('groupes.noBlock')}</p>
          )}
        </>
      )}
    </Loaded>
  );
}

export default function BlocksPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('groupes.blocks')} intro={t('groupes.blocksIntro')} />
      <p>
        <Link to="/groupes">{t('groupes.back')}</Link>
      </p>
      <RequireRole roles={['parent', 'agent', 'coordinator', 'admin']}>
        <BlockList />
      </RequireRole>
    </>
  );
}
