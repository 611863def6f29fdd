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

/** The tasks the menu is grouped by, in the order they are shown. */
export const navGroups = ['field', 'items', 'shifts', 'followUp', 'association', 'you'] as const;

interface NavItem {
  href: string;
  label: MessageKey;
  group: (typeof navGroups)[number];
  /** Shown to those with any of these permissions ('a|b'). */
  permission?: string;
}

/** Navigation entries and the permission each needs; the server enforces the same policies. */
export const navItems: NavItem[] = [
  { href: '/', group: 'field', label: 'nav.home' },
  { href: '/observe', group: 'field', label: 'nav.observe', permission: 'observation.create' },
  { href: '/observations', group: 'field', label: 'nav.observations', permission: 'observation.create' },
  { href: '/observations/map', group: 'field', label: 'map.title', permission: 'map.read' },
  { href: '/items', group: 'items', label: 'nav.items', permission: 'item.list|item.followAddressed' },
  { href: '/routing', group: 'items', label: 'nav.routing', permission: 'routing.read' },
  { href: '/shifts', group: 'shifts', label: 'nav.shifts', permission: 'shift.list' },
  { href: '/board', group: 'shifts', label: 'nav.board', permission: 'shift.manage' },
  { href: '/plan', group: 'shifts', label: 'nav.plan', permission: 'shift.manage' },
  { href: '/hours', group: 'shifts', label: 'nav.hours', permission: 'shift.list' },
  { href: '/dashboard', group: 'followUp', label: 'nav.dashboard', permission: 'insights.read' },
  { href: '/iop', group: 'followUp', label: 'nav.iop', permission: 'iop.read' },
  { href: '/categories', group: 'association', label: 'nav.categories', permission: 'category.manage' },
  { href: '/members', group: 'association', label: 'nav.members', permission: 'member.list' },
  { href: '/invite-member', group: 'association', label: 'nav.invite', permission: 'member.invite' },
  { href: '/cars', group: 'association', label: 'nav.cars', permission: 'vehicle.list' },
  { href: '/association', group: 'association', label: 'nav.association', permission: 'association.update' },
  { href: '/audit', group: 'association', label: 'nav.audit', permission: 'audit.read' },
  { href: '/outbox', group: 'association', label: 'nav.outbox', permission: 'outbox.read' },
  { href: '/retention', group: 'association', label: 'nav.retention', permission: 'retention.manage' },
  { href: '/profile', group: 'you', label: 'nav.profile' },
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
      <div class="frame">
        <nav id="main-nav" class={open ? 'nav open' : 'nav'} aria-label={t('nav.main')}>
          {navGroups.map((group) => {
            const items = visibleNavItems().filter((i) => i.group === group);
            if (items.length === 0 && group !== 'you') return null;
            return (
              <div class="nav-group" key={group}>
                <p class="nav-heading" id={`nav-${group}`}>
                  {t(`nav.group.${group}`)}
                </p>
                <ul aria-labelledby={`nav-${group}`}>
                  {items.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} aria-current={path === item.href ? 'page' : undefined} onClick={() => setOpen(false)}>
                        {t(item.label)}
                      </a>
                    </li>
                  ))}
                  {group === 'you' && (
                    <li>
                      <button type="button" class="link-button" onClick={signOut}>
                        {t('nav.signOut')}
                      </button>
                    </li>
                  )}
                </ul>
              </div>
            );
          })}
        </nav>
        <div class="frame-main">
          <OfflineBanner />
          <WaitingBanner />
          <main id="main" tabIndex={-1}>
            <h1>{title}</h1>
            {children}
          </main>
        </div>
      </div>
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
