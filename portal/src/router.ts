import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import { ROUTE_ROLES, type RouteName } from './lib/navigation'
import type { ProductRole } from './roles'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; absent: every signed-in user. */
    roles?: readonly ProductRole[]
  }
}

function page(name: RouteName, path: string, component: RouteRecordRaw['component']): RouteRecordRaw {
  const roles = ROUTE_ROLES[name]
  return { name, path, component, props: true, meta: roles ? { roles } : {} } as RouteRecordRaw
}

/**
 * Page paths match the links notification-service puts in its messages: `/cases/{caseId}` for staff and
 * `/enterprise/orders/{caseId}` for enterprise users. Every view but home is loaded on demand.
 */
export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    scrollBehavior: () => ({ top: 0 }),
    routes: [
      { path: '/', name: 'home', component: HomeView },
      page('tasks', '/tasks', () => import('./views/officer/TasksView.vue')),
      page('task', '/tasks/:taskId', () => import('./views/officer/TaskView.vue')),
      page('clue-new', '/clues/new', () => import('./views/officer/ClueIntakeView.vue')),
      page('case', '/cases/:caseId', () => import('./views/officer/CaseView.vue')),
      page('dispatch', '/dispatch', () => import('./views/supervisor/DispatchView.vue')),
      page('draws', '/draws', () => import('./views/supervisor/DrawsView.vue')),
      page('draw', '/draws/:drawId', () => import('./views/supervisor/DrawView.vue')),
      page('enterprise-orders', '/enterprise/orders', () => import('./views/enterprise/OrdersView.vue')),
      page('enterprise-order', '/enterprise/orders/:caseId', () => import('./views/enterprise/OrderView.vue')),
      page('enterprise-history', '/enterprise/history', () => import('./views/enterprise/HistoryView.vue')),
      page('webhooks', '/integrator/webhooks', () => import('./views/integrator/WebhooksView.vue')),
      page('inbox', '/inbox', () => import('./views/common/InboxView.vue')),
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./views/NotFoundView.vue'),
      },
    ],
  })
}
