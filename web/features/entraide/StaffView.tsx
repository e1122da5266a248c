/**
 * The staff's follow-up of the entraide (agents, coordination): the moderation queue, the
 * parentothèque's reservations and loans to handle, its stock (and adding an item), and the
 * neighbourhood posts nobody answered yet. Written in the third person.
 */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { frDateTime, frLongDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { ItemPhoto, PhotoUpload } from './ItemPhoto';
import { Button, DemoBadge, FormErrors, Loaded, NumberField, SelectField, TextField } from '../../ui';
import type { Board, Catalogue, Loans, Reports } from '../../../src/modules/entraide';
import { formatMoment } from './format';
import { TutorsStaff } from './TutorsStaff';
import { FormHead, useFormSubmit, usePostThenReload } from './inputs';

const ITEM_CATEGORIES = ['poussette', 'lit', 'siege-auto', 'cartable', 'fournitures', 'electromenager', 'meuble', 'autre'] as const;
const CONDITIONS = ['neuf', 'tres-bon', 'bon', 'usage'] as const;

function Moderation({ onChange }: { onChange: () => void }) {
  const t = useT();
  const r = useApi<Reports>('/api/entraide/reports');
  const { error, post: run } = usePostThenReload(() => {
    r.reload();
    onChange();
  });
  return (
    <section aria-labelledby="staff-moderation" className="stack">
      <h2 id="staff-moderation">{t('entraide.staffModeration')}</h2>
      <FormErrors error={error} />
      <Loaded resource={r}>
        {(d) =>
          d.reports.length ? (
            <ul className="entraide-list">
              {d.reports.map((rep) => (
                <li key={rep.id} className="entraide-card">
                  <h3>{rep.postTitle ?? t('entraide.staffConversation')}</h3>
                  <p>
                    {t('entraide.staffReason')} : « {rep.reason} »
                  </p>
                  <p className="muted">{t('entraide.staffReportedOn', { date: frDateTime(String(rep.createdAt)) })}</p>
                  <div className="entraide-actions">
                    {rep.postId ? (
                      <Button variant="danger" onPress={() => run(`/api/entraide/reports/${rep.id}/resolve`, { decision: 'remove-post' })}>
                        {t('entraide.staffRemovePost')}
                      </Button>
                    ) : null}
                    <Button variant="secondary" onPress={() => run(`/api/entraide/reports/${rep.id}/resolve`, { decision: 'dismiss' })}>
                      {t('entraide.staffDismiss')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.staffNoReport')}</p>
          )
        }
      </Loaded>
    </section>
  );
}

function LoansToHandle({ onChange }: { onChange: () => void }) {
  const t = useT();
  const r = useApi<Loans>('/api/entraide/loans');
  const { error, post: run } = usePostThenReload(() => {
    r.reload();
    onChange();
  });
  return (
    <section aria-labelledby="staff-loans" className="stack">
      <h2 id="staff-loans">{t('entraide.staffLoans')}</h2>
      <FormErrors error={error} />
      <Loaded resource={r}>
        {(d) =>
          d.loans.length ? (
            <ul className="entraide-list">
              {d.loans.map((l) => (
                <li key={l.id} className="entraide-card" data-status={l.status}>
                  <h3>{l.itemTitle}</h3>
                  <p>
                    {l.status === 'reserved'
                      ? t('entraide.staffReserved', { date: frLongDate(String(l.reservedAt)) })
                      : t(l.status === 'overdue' ? 'entraide.staffOverdue' : 'entraide.staffActive', { date: l.dueOn ? frLongDate(l.dueOn) : '' })}
                  </p>
                  <div className="entraide-actions">
                    {l.status === 'reserved' ? (
                      <>
                        <Button onPress={() => run(`/api/entraide/loans/${l.id}/approve`)}>
                          {l.itemMode === 'don' ? t('entraide.staffHandOver') : t('entraide.staffApprove')} : {l.itemTitle}
                        </Button>
                        <Button variant="secondary" onPress={() => run(`/api/entraide/loans/${l.id}/refuse`)}>
                          {t('entraide.staffRefuse')}
                        </Button>
                      </>
                    ) : (
                      <Button onPress={() => run(`/api/entraide/loans/${l.id}/return`)}>
                        {t('entraide.staffReturned')} : {l.itemTitle}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.staffNoLoan')}</p>
          )
        }
      </Loaded>
    </section>
  );
}

function AddItem({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('poussette');
  const [condition, setCondition] = useState('bon');
  const [mode, setMode] = useState('pret');
  const [donorKind, setDonorKind] = useState('partenaire');
  const [donorLabel, setDonorLabel] = useState('');
  const [loanDays, setLoanDays] = useState<number | null>(30);
  const { error, done, submit } = useFormSubmit(async () => {
    await api.post('/api/entraide/items', { title, category, condition, mode, donorKind, donorLabel: donorLabel || null, loanDays: loanDays ?? 30 });
    setTitle('');
    setDonorLabel('');
    onDone();
    return t('entraide.staffItemAdded');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.staffAddItem')} level={3} error={error} done={done} />
      <TextField label={t('entraide.staffItemTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <SelectField
        label={t('entraide.staffItemCategory')}
        value={category}
        onChange={setCategory}
        options={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`entraide.itemCat_${c}`) }))}
      />
      <SelectField
        label={t('entraide.staffItemCondition')}
        value={condition}
        onChange={setCondition}
        options={CONDITIONS.map((c) => ({ value: c, label: t(`entraide.condition_${c}`) }))}
      />
      <SelectField
        label={t('entraide.staffItemMode')}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'pret', label: t('entraide.lend') },
          { value: 'don', label: t('entraide.gift') },
        ]}
      />
      <SelectField
        label={t('entraide.staffDonorKind')}
        value={donorKind}
        onChange={setDonorKind}
        options={['partenaire', 'entreprise', 'famille'].map((k) => ({ value: k, label: t(`entraide.donor_${k}`) }))}
      />
      <TextField label={t('entraide.staffDonorLabel')} value={donorLabel} onChange={setDonorLabel} error={error?.field('donorLabel')} />
      {mode === 'pret' ? (
        <NumberField label={t('entraide.staffLoanDays')} value={loanDays} onChange={setLoanDays} minValue={1} maxValue={365} error={error?.field('loanDays')} />
      ) : null}
      <Button type="submit">{t('entraide.staffAdd')}</Button>
    </form>
  );
}

function Stock({ stock }: { stock: ReturnType<typeof useApi<Catalogue>> }) {
  const t = useT();
  return (
    <section aria-labelledby="staff-stock" className="stack">
      <h2 id="staff-stock">{t('entraide.staffStock')}</h2>
      <Loaded resource={stock}>
        {(d) =>
          d.items.length ? (
            <ul className="entraide-list">
              {d.items.map((i) => (
                <li key={i.id} className="entraide-card">
                  <h3>
                    {i.title} {i.isDemo ? <DemoBadge /> : null}
                  </h3>
                  <p className="muted">
                    {t(`entraide.itemCat_${i.category}`)} · {i.mode === 'pret' ? t('entraide.lend') : t('entraide.gift')} ·{' '}
                    {t(`entraide.condition_${i.condition}`)}
                  </p>
                  <p>{i.available ? t('entraide.staffInStock') : t('entraide.staffPromised')}</p>
                  {i.hasPhoto ? <ItemPhoto id={i.id} title={i.title} /> : <p className="muted">{t('entraide.photoNone')}</p>}
                  <PhotoUpload id={i.id} title={i.title} onDone={stock.reload} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.noItem')}</p>
          )
        }
      </Loaded>
      <AddItem onDone={stock.reload} />
    </section>
  );
}

/** `changed` counts the moderation's decisions: a removed post leaves the list. */
function Unanswered({ changed }: { changed: number }) {
  const t = useT();
  const town = useTown();
  const [hood, setHood] = useState(town.neighbourhoods[0]?.id ?? '');
  const board = useApi<Board>(hood ? `/api/entraide/board/${hood}` : null, { keepPrevious: true });
  const { reload } = board;
  useEffect(() => {
    if (changed) reload();
  }, [changed, reload]);
  return (
    <section aria-labelledby="staff-unanswered" className="stack">
      <h2 id="staff-unanswered">{t('entraide.staffUnanswered')}</h2>
      <SelectField
        label={t('entraide.neighbourhood')}
        value={hood}
        onChange={setHood}
        options={town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
      />
      <Loaded resource={board}>
        {(d) => {
          const waiting = d.posts.filter((p) => p.answers === 0);
          return waiting.length ? (
            <ul className="entraide-list">
              {waiting.map((p) => (
                <li key={p.id} className="entraide-card">
                  <p className="entraide-tag">
                    {p.kind === 'request' ? t('entraide.request') : t('entraide.offer')} · {t(`entraide.cat_${p.category}`)} {p.isDemo ? <DemoBadge /> : null}
                  </p>
                  <h3>{p.title}</h3>
                  <p className="muted">{formatMoment(String(p.startsAt))}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.staffAllAnswered')}</p>
          );
        }}
      </Loaded>
    </section>
  );
}

export function StaffView() {
  const stock = useApi<Catalogue>('/api/entraide/items');
  const [moderated, setModerated] = useState(0);
  return (
    <div className="stack">
      <Moderation onChange={() => setModerated((n) => n + 1)} />
      <LoansToHandle onChange={stock.reload} />
      <Stock stock={stock} />
      <Unanswered changed={moderated} />
      <TutorsStaff />
    </div>
  );
}
