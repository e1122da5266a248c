/** Pass Famille Solo offers, browsed by theme and neighbourhood. */
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Card, EmptyState, Loaded, PageHeader, SelectField } from '../../ui';
import type { PassOffers } from '../../../src/modules/cheques';

const THEMES = ['culture', 'sport', 'loisirs', 'ateliers'] as const;

export function OffersView() {
  const t = useT();
  const town = useTown();
  const [theme, setTheme] = useState('');
  const [hood, setHood] = useState('');
  const q = new URLSearchParams();
  if (theme) q.set('theme', theme);
  if (hood) q.set('neighbourhood', hood);
  const r = useApi<PassOffers>(`/api/cheques/pass/offers?${q}`, { keepPrevious: true });
  return (
    <div className="stack">
      <PageHeader title={t('cheques.offersTitle')} intro={t('cheques.offersIntro')} />
      <div className="row">
        <SelectField
          name="offers-theme"
          label={t('cheques.theme')}
          value={theme}
          onChange={setTheme}
          options={[{ value: '', label: t('cheques.allThemes') }, ...THEMES.map((v) => ({ value: v, label: t(`cheques.theme_${v}`) }))]}
        />
        <SelectField
          name="offers-hood"
          label={t('cheques.neighbourhood')}
          value={hood}
          onChange={setHood}
          options={[{ value: '', label: t('cheques.allNeighbourhoods') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
        />
      </div>
      <Loaded resource={r}>
        {(d) =>
          d.offers.length === 0 ? (
            <EmptyState>{t('cheques.offersNone')}</EmptyState>
          ) : (
            <div className="cheques-accounts">
              {d.offers.map((o) => (
                <Card key={o.id} title={<Fr>{o.title}</Fr>} headingLevel={2}>
                  <p>
                    <strong>{t(`cheques.benefit_${o.benefit}`)}</strong> — {t(`cheques.theme_${o.theme}`)}
                  </p>
                  <p>
                    <Fr>
                      {o.structureName}
                      {o.neighbourhood ? ` (${o.neighbourhood})` : ''}
                    </Fr>
                  </p>
                  {o.details ? (
                    <p className="muted">
                      <Fr>{o.details}</Fr>
                    </p>
                  ) : null}
                </Card>
              ))}
            </div>
          )
        }
      </Loaded>
    </div>
  );
}
