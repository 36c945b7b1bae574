import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, type Router } from 'vue-router'
import type { Component } from 'vue'
import { vi } from 'vitest'
import { createAppI18n, type AppLocale } from './i18n'
import { createAppRouter } from './router'
import type { Me } from './roles'
import { useSessionStore } from './stores/session'

/** Test helpers: the app's real i18n, router and pinia around one component, and a fetch that answers by URL. */

export function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

export type Route = (url: string, init: RequestInit) => Response | Promise<Response> | undefined

/** Stubs fetch: the first route that answers wins; anything else is a 404 problem. */
export function stubFetch(...routes: Route[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input)
    for (const route of routes) {
      const answer = await route(url, init)
      if (answer) return answer
    }
    return json({ title: 'Not Found', status: 404, detail: `no stub for ${url}` }, 404, 'application/problem+json')
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export const OFFICER: Me = {
  username: 'officer1',
  name: '张伟',
  email: 'officer1@demo.inspectflow.org',
  roles: ['officer'],
  district: '440304',
  city: '440300',
  enterpriseId: null,
}

export interface Mounted {
  pinia: Pinia
  router: Router
}

export async function mountWith<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { me?: Me | null; locale?: AppLocale; path?: string } = {},
) {
  const { me = OFFICER, locale = 'en', path = '/', ...rest } = options
  const pinia = createPinia()
  setActivePinia(pinia)
  if (me) {
    const session = useSessionStore()
    session.me = me
    session.status = 'ready'
  }
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const i18n = createAppI18n(locale)
  const wrapper = mount(component, {
    ...rest,
    global: { plugins: [pinia, i18n, router], ...(rest.global ?? {}) },
  } as ComponentMountingOptions<C>)
  return { wrapper, pinia, router, i18n }
}
