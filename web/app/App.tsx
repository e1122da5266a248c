/** The shell: skip link, header (town, language, "facile à lire", account), navigation, footer. */
import { useEffect, useState } from 'react';
import { Link, Router, useLocation } from './router';
import { useI18n, useT, useTx } from './i18n';
import { Fr, Ltr } from './lang';
import { LOCALES } from './locales';
import { useSession } from './session';
import { useTown } from './town';
import { hrefOf, menuFor } from './nav';
import NotFoundPage from '../features/home/NotFoundPage';

export function App() {
  const t = useT();
  const tx = useTx();
  const { locale, setLocale, easyRead, setEasyRead } = useI18n();
  const { user, logout } = useSession();
  const town = useTown();
  const [menuOpen, setMenuOpen] = useState(false);
  const { path } = useLocation();
  // Any navigation (a link of the menu or of the page, back and forward) closes the phone menu.
  useEffect(() => setMenuOpen(false), [path]);
  const visible = menuFor(user?.role ?? null);
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('app.skip')}
      </a>
      {user?.isDemo ? <div className="demo-banner">{t('app.demo')}</div> : null}
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {town.logo ? <img src={town.logo} alt="" width={36} height={36} /> : null}
            <span>
              {t('app.name')}
              <small>{t('app.tagline', { town: town.name })}</small>
            </span>
          </Link>
          {user ? null : (
            // On a phone, logging in and signing up stay in sight, outside the menu.
            <div className="header-account-phone">
              <Link to="/connexion">{t('nav.login')}</Link>
              <Link to="/inscription">{t('nav.signup')}</Link>
            </div>
          )}
          <button
            type="button"
            className="btn menu-toggle"
            data-variant="ghost"
            aria-expanded={menuOpen}
            aria-controls="outils menu-principal"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            ☰ {t('app.menu')}
          </button>
          <div className="header-tools" id="outils" data-open={menuOpen}>
            <label>
              <span>{t('app.language')}</span>
              <select value={locale} onChange={(e) => setLocale(e.target.value)}>
                {LOCALES.map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            {/* A native checkbox with the switch role: no component library in the first load. */}
            <label className="switch native-switch">
              <input type="checkbox" role="switch" checked={easyRead} onChange={(e) => setEasyRead(e.target.checked)} />
              <span className="track" aria-hidden="true" />
              <span>{t('app.easyRead')}</span>
            </label>
            {user ? (
              <>
                <Link to="/compte">{t('nav.account')}</Link>
                <button
                  type="button"
                  className="btn"
                  data-variant="secondary"
                  style={{ color: 'var(--color-primary)' }}
                  onClick={() =>
                    void logout().then(() => {
                      window.location.href = '/';
                    })
                  }
                >
                  {t('nav.logout')}
                </button>
              </>
            ) : (
              <span className="header-account-wide">
                <Link to="/connexion">{t('nav.login')}</Link>
                <Link to="/inscription">{t('nav.signup')}</Link>
              </span>
            )}
          </div>
        </div>
      </header>
      <nav className="main-nav" id="menu-principal" aria-label={t('app.mainNav')} data-open={menuOpen}>
        <ul onClick={() => setMenuOpen(false)}>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          {visible.map((e) => (
            <li key={e.id}>
              <Link to={hrefOf(e)} className={path.startsWith(`${e.path}/`) ? 'in-section' : undefined}>
                {t(e.label)}
                {e.soon ? <span className="soon">({t('home.soon')})</span> : null}
              </Link>
            </li>
          ))}
          {user?.role === 'admin' ? (
            <>
              <li>
                <Link to="/admin/comptes">{t('nav.accounts')}</Link>
              </li>
              <li>
                <Link to="/admin/acces">{t('nav.accessRequests')}</Link>
              </li>
              <li>
                <Link to="/admin/messages">{t('nav.outbox')}</Link>
              </li>
            </>
          ) : null}
          {user && (user.role === 'coordinator' || user.role === 'admin') ? (
            <li>
              <Link to="/journal">{t('nav.audit')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="contenu" tabIndex={-1}>
        <Router fallback={<p role="status">{t('app.loading')}</p>} notFound={NotFoundPage} />
      </main>
      <footer className="site-footer">
        <div className="inner">
          <span>{tx('app.footer.ccas', { ccas: <Fr>{town.ccasName}</Fr>, phone: <Ltr>{town.contact.phone}</Ltr> })}</span>
          <span>{t('app.footer.accessibility')}</span>
          <a href="/api/docs">{t('app.footer.api')}</a>
        </div>
      </footer>
    </>
  );
}
