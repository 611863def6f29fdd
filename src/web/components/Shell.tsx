/** The frame around signed-in screens: header, role-aware navigation, main landmark. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../api.js';
import { t } from '../i18n.js';
import { can, me, setMe } from '../session.js';
import { OfflineBanner } from './Offline.js';
import { Preferences } from './Preferences.js';
import { WaitingBanner } from '../offline/Waiting.js';
import type { MessageKey } from '../../shared/i18n/translate.js';

interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown to those with any of these permissions ('a|b'). */
  permission?: string;
}

/** Navigation entries and the permission each needs; the server enforces the same policies. */
export const navItems: NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/observe', label: 'nav.observe', permission: 'observation.create' },
  { href: '/observations', label: 'nav.observations', permission: 'observation.create' },
  { href: '/observations/map', label: 'map.title', permission: 'map.read' },
  { href: '/items', label: 'nav.items', permission: 'item.list|item.followAddressed' },
  { href: '/routing', label: 'nav.routing', permission: 'routing.read' },
  { href: '/shifts', label: 'nav.shifts', permission: 'shift.list' },
  { href: '/board', label: 'nav.board', permission: 'shift.manage' },
  { href: '/plan', label: 'nav.plan', permission: 'shift.manage' },
  { href: '/hours', label: 'nav.hours', permission: 'shift.list' },
  { href: '/dashboard', label: 'nav.dashboard', permission: 'insights.read' },
  { href: '/iop', label: 'nav.iop', permission: 'iop.read' },
  { href: '/categories', label: 'nav.categories', permission: 'category.manage' },
  { href: '/members', label: 'nav.members', permission: 'member.list' },
  { href: '/invite-member', label: 'nav.invite', permission: 'member.invite' },
  { href: '/cars', label: 'nav.cars', permission: 'vehicle.list' },
  { href: '/association', label: 'nav.association', permission: 'association.update' },
  { href: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { href: '/outbox', label: 'nav.outbox', permission: 'outbox.read' },
  { href: '/retention', label: 'nav.retention', permission: 'retention.manage' },
  { href: '/profile', label: 'nav.profile' },
];

export function visibleNavItems(): NavItem[] {
  return navItems.filter((i) => !i.permission || i.permission.split('|').some(can));
}

/** Names the page in the browser tab and, after a change of screen, moves focus to it for screen readers. */
function usePageTitle(title: string, path: string) {
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    // Not on the first screen of a visit: the browser starts at the top anyway.
    if (firstScreen) firstScreen = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
}

let firstScreen = true;

export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  const { path, route } = useLocation();
  const [open, setOpen] = useState(false);
  usePageTitle(title, path);
  // Escape closes the open menu and gives focus back to its button, as a menu does everywhere else.
  // Listening from the first render on (not from when the menu opens), so a quick key press is never missed.
  const openNow = useRef(open);
  openNow.current = open;
  useEffect(() => {
    const close = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !openNow.current) return;
      setOpen(false);
      document.querySelector<HTMLButtonElement>('.menu-button')?.focus();
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, []);
  const signOut = async () => {
    await post('/api/auth/sign-out').catch(() => undefined);
    setMe(null);
    route('/signin');
  };
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          {me.value?.association.name ?? t('app.name')}
        </a>
        <button type="button" class="menu-button" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
          {t('app.menu')}
        </button>
      </header>
      <nav id="main-nav" class={open ? 'nav open' : 'nav'} aria-label={t('nav.main')}>
        <ul>
          {visibleNavItems().map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={path === item.href ? 'page' : undefined} onClick={() => setOpen(false)}>
                {t(item.label)}
              </a>
            </li>
          ))}
          <li>
            <button type="button" class="link-button" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </nav>
      <OfflineBanner />
      <WaitingBanner />
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}

/** Screens before sign-in: a simple centred column. */
export function Plain({ title, children }: { title: string; children: ComponentChildren }) {
  usePageTitle(title, useLocation().path);
  return (
    <main id="main" class="plain" tabIndex={-1}>
      <OfflineBanner />
      <div class="plain-top">
        <p class="brand-plain">{t('app.name')}</p>
        <Preferences />
      </div>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
