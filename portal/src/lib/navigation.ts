import type { ProductRole } from '../roles'

/**
 * Which product roles may open which page. The router puts these on each route's meta and the menu is built from
 * the same table, so a link is shown exactly when the page opens. The services still decide what data each caller
 * sees: this only keeps people from pages that would answer 403 for them.
 */
export const ROUTE_ROLES = {
  home: null,
  tasks: ['officer', 'supervisor', 'admin'],
  task: ['officer', 'supervisor', 'admin'],
  'clue-new': ['officer', 'supervisor', 'admin'],
  case: ['officer', 'supervisor', 'admin'],
  dispatch: ['supervisor', 'admin'],
  draws: ['supervisor', 'admin'],
  draw: ['officer', 'supervisor', 'enterprise', 'integrator', 'admin'],
  'enterprise-orders': ['enterprise'],
  'enterprise-order': ['enterprise'],
  'enterprise-history': ['enterprise'],
  webhooks: ['integrator'],
  inbox: ['officer', 'supervisor', 'enterprise', 'admin'],
} as const satisfies Record<string, readonly ProductRole[] | null>

export type RouteName = keyof typeof ROUTE_ROLES

export interface NavItem {
  route: RouteName
  /** i18n key of the label */
  label: string
  testid: string
}

/** The menu, in the order shown. */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'tasks', label: 'nav.tasks', testid: 'nav-tasks' },
  { route: 'clue-new', label: 'nav.newClue', testid: 'nav-new-clue' },
  { route: 'dispatch', label: 'nav.dispatch', testid: 'nav-dispatch' },
  { route: 'draws', label: 'nav.draws', testid: 'nav-draws' },
  { route: 'enterprise-orders', label: 'nav.orders', testid: 'nav-orders' },
  { route: 'enterprise-history', label: 'nav.history', testid: 'nav-history' },
  { route: 'webhooks', label: 'nav.webhooks', testid: 'nav-webhooks' },
  { route: 'inbox', label: 'nav.inbox', testid: 'nav-inbox' },
]

export function canAccess(required: readonly ProductRole[] | null | undefined, roles: readonly ProductRole[]): boolean {
  if (!required) return true
  return required.some((role) => roles.includes(role))
}

export function navFor(roles: readonly ProductRole[]): NavItem[] {
  return NAV_ITEMS.filter((item) => canAccess(ROUTE_ROLES[item.route], roles))
}

/** Where a user lands from the home page's cards: the first page of each of their roles. */
export const ROLE_HOME: Record<ProductRole, RouteName> = {
  officer: 'tasks',
  supervisor: 'dispatch',
  enterprise: 'enterprise-orders',
  integrator: 'webhooks',
  admin: 'dispatch',
}

/**
 * Turns a link from the notification service (absolute, made with its configured portal URL) into a path inside
 * this portal, so that it opens in the app; links to other sites are left alone (null).
 */
export function portalPath(link: string | null | undefined, origin: string = window.location.origin): string | null {
  if (!link) return null
  if (link.startsWith('/') && !link.startsWith('//')) return link
  try {
    const url = new URL(link)
    const path = url.pathname + url.search + url.hash
    if (url.origin === origin) return path
    // the configured portal URL may differ from where the portal runs (dev server, proxy): keep known page paths
    if (/^\/(cases|tasks|enterprise|inbox|draws|dispatch)(\/|$)/.test(url.pathname)) return path
    return null
  } catch {
    return null
  }
}
