/**
 * Opening hours edited day by day: open or closed, time ranges with native time pickers, holidays.
 * The OSM `opening_hours` value stays the storage format (week-hours.ts converts both ways); nobody types it.
 */
import { useState } from 'react';
import { registerMessages, useT } from '../../app/i18n';
import { Button, Checkbox } from '../../ui';
import { TimeField } from '../../ui/DateField';
import { emptyWeek, formatWeek, parseWeek, weekProblem, type Week } from '../../../src/modules/annuaire/shared';
import partnerMessages from './partner-messages';
import './partner.css';

registerMessages('partner', partnerMessages);

export function WeekHoursEditor({
  id,
  title,
  value,
  onChange,
  error,
}: {
  id: string;
  title: string;
  value: string;
  onChange: (osm: string) => void;
  error?: string;
}) {
  const t = useT();
  const [week, setWeek] = useState<Week | null>(() => parseWeek(value));
  const update = (next: Week) => {
    setWeek(next);
    onChange(formatWeek(next));
  };
  const problem = week ? weekProblem(week) : null;
  const day = (d: number) => t(`partner.day.${d}`);
  const lower = (d: number) => day(d).toLowerCase();
  if (!week)
    return (
      <fieldset className="week-hours card" id={id}>
        <legend>{title}</legend>
        <p>{t('partner.complex')}</p>
        <Button variant="secondary" onPress={() => update(emptyWeek())}>
          {t('partner.replace')}
        </Button>
      </fieldset>
    );
  const setDay = (d: number, ranges: Week['days'][number]) => update({ ...week, days: week.days.map((r, i) => (i === d ? ranges : r)) });
  return (
    <fieldset className="week-hours card" id={id} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{title}</legend>
      <p className="muted">{t('partner.hoursIntro')}</p>
      {week.days.map((ranges, d) => (
        <div className="week-day" key={d} role="group" aria-label={day(d)}>
          <Checkbox isSelected={ranges.length > 0} onChange={(open) => setDay(d, open ? [{ from: '09:00', to: '17:00' }] : [])}>
            {t('partner.openOn', { day: lower(d) })}
          </Checkbox>
          {ranges.map((r, n) => (
            <div className="week-range" key={n}>
              <TimeField
                label={t('partner.from')}
                ariaLabel={`${t('partner.rangeLabel', { day: day(d), n: n + 1 })} — ${t('partner.from')}`}
                value={r.from}
                onChange={(from) =>
                  setDay(
                    d,
                    ranges.map((x, i) => (i === n ? { ...x, from } : x)),
                  )
                }
              />
              <TimeField
                label={t('partner.to')}
                ariaLabel={`${t('partner.rangeLabel', { day: day(d), n: n + 1 })} — ${t('partner.to')}`}
                value={r.to === '24:00' ? '23:59' : r.to}
                onChange={(to) =>
                  setDay(
                    d,
                    ranges.map((x, i) => (i === n ? { ...x, to: to === '23:59' ? '24:00' : to } : x)),
                  )
                }
              />
              {ranges.length > 1 ? (
                <Button
                  variant="ghost"
                  onPress={() =>
                    setDay(
                      d,
                      ranges.filter((_, i) => i !== n),
                    )
                  }
                >
                  {t('partner.remove')} <span className="visually-hidden">{t('partner.removeRange', { n: n + 1, day: lower(d) })}</span>
                </Button>
              ) : null}
            </div>
          ))}
          <div className="row">
            {ranges.length > 0 && ranges.length < 4 ? (
              <Button variant="ghost" onPress={() => setDay(d, [...ranges, { from: '14:00', to: '17:00' }])}>
                {t('partner.addRange')} <span className="visually-hidden">{day(d)}</span>
              </Button>
            ) : null}
            {d > 0 ? (
              <Button
                variant="ghost"
                onPress={() =>
                  setDay(
                    d,
                    week.days[d - 1].map((r) => ({ ...r })),
                  )
                }
              >
                {t('partner.sameAsPrevious', { day: lower(d - 1) })} <span className="visually-hidden">({day(d)})</span>
              </Button>
            ) : null}
          </div>
          {problem?.day === d ? <p className="field-error">{problem.message}</p> : null}
        </div>
      ))}
      <Checkbox isSelected={week.closedOnHolidays} onChange={(v) => update({ ...week, closedOnHolidays: v })}>
        {t('partner.closedOnHolidays')}
      </Checkbox>
      {error ? (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
