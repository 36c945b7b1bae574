import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from './App.vue'
import { browser } from './auth'
import { LOCALE_STORAGE_KEY, createAppI18n, type AppLocale } from './i18n'
import { createAppRouter } from './router'

const OFFICER = {
  username: 'officer1',
  name: '张伟',
  email: 'officer1@demo.inspectflow.org',
  roles: ['officer', 'offline_access', 'uma_authorization', 'default-roles-inspectflow'],
  district: '440304',
  city: '440300',
  enterpriseId: null,
}

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

async function mountApp(response: () => Response | Promise<Response>, locale: AppLocale = 'zh-CN', path = '/') {
  const fetchMock = vi.fn(async (url: string) =>
    url === '/api/me' ? response() : json({ items: [], page: 0, size: 50, total: 0, unread: 0 }),
  )
  vi.stubGlobal('fetch', fetchMock)
  const i18n = createAppI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(App, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, fetchMock, i18n }
}

describe('App', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('loads /api/me and shows the user, translated product roles, scope and only their cards', async () => {
    const { wrapper, fetchMock } = await mountApp(() => json(OFFICER))

    expect(fetchMock).toHaveBeenCalledWith('/api/me', expect.objectContaining({ credentials: 'same-origin' }))
    expect(wrapper.get('[data-testid="user-name"]').text()).toBe('张伟')
    const header = wrapper.get('header').text()
    expect(header).toContain('InspectFlow 生态环境执法')
    expect(header).toContain('执法人员')
    expect(header).toContain('辖区 440304')
    expect(header).not.toContain('offline_access')
    expect(wrapper.get('[data-testid="logout"]').text()).toBe('退出登录')
    expect(wrapper.text()).toContain('欢迎，张伟')
    expect(wrapper.findAll('[data-card]').map((c) => c.attributes('data-card'))).toEqual(['officer'])
    expect(wrapper.get('[data-card="officer"]').text()).toContain('我的任务')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.title).toBe('InspectFlow 生态环境执法')
  })

  it('shows one card per product role for a multi-role user', async () => {
    const { wrapper } = await mountApp(() => json({ ...OFFICER, roles: ['admin', 'supervisor', 'integrator'] }))

    expect(wrapper.findAll('[data-card]').map((c) => c.attributes('data-card'))).toEqual([
      'supervisor',
      'integrator',
      'admin',
    ])
    expect(wrapper.text()).toContain('执法队长')
  })

  it('shows the enterprise scope for an enterprise user', async () => {
    const { wrapper } = await mountApp(
      () => json({ ...OFFICER, roles: ['enterprise'], district: null, city: null, enterpriseId: 'E1001' }),
      'en',
    )

    expect(wrapper.get('header').text()).toContain('Enterprise E1001')
    expect(wrapper.get('[data-card="enterprise"]').text()).toContain('My rectification orders')
  })

  it('renders English and sets <html lang> and persists the choice when the locale changes', async () => {
    const { wrapper, i18n } = await mountApp(() => json(OFFICER))

    i18n.global.locale.value = 'en'
    await flushPromises()

    const header = wrapper.get('header').text()
    expect(header).toContain('InspectFlow Environmental Enforcement')
    expect(header).toContain('Officer')
    expect(header).toContain('Jurisdiction 440304')
    expect(wrapper.text()).toContain('Welcome, 张伟')
    expect(wrapper.get('[data-card="officer"]').text()).toContain('My tasks')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
  })

  it('navigates to the gateway login on 401', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {})

    const { wrapper } = await mountApp(() => new Response(null, { status: 401 }))

    expect(assign).toHaveBeenCalledWith('/oauth2/authorization/keycloak')
    expect(wrapper.text()).toContain('正在跳转到登录页面')
  })

  it('shows problem+json title and detail with a retry that reloads', async () => {
    let calls = 0
    const { wrapper, fetchMock } = await mountApp(() =>
      ++calls === 1
        ? json({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'Keycloak is not reachable' }, 502, 'application/problem+json')
        : json(OFFICER),
    )

    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('Bad Gateway')
    expect(alert.text()).toContain('Keycloak is not reachable')
    expect(alert.text()).toContain('请稍后点击“重试”')

    await wrapper.get('[data-testid="retry"]').trigger('click')
    await flushPromises()

    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/me')).toHaveLength(2)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('欢迎，张伟')
  })

  it('explains a network failure in the chosen language', async () => {
    const { wrapper } = await mountApp(() => Promise.reject(new TypeError('Failed to fetch')), 'en')

    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('Could not load your profile')
    expect(alert.text()).toContain('The server cannot be reached.')
    expect(alert.text()).toContain('Retry')
  })

  it('warns a user without product roles', async () => {
    const { wrapper } = await mountApp(() => json({ ...OFFICER, roles: ['offline_access'] }))

    expect(wrapper.find('[data-testid="no-roles"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-card]')).toHaveLength(0)
  })

  it("shows the menu of the user's roles and loads the inbox for its badge", async () => {
    const { wrapper, fetchMock } = await mountApp(() => json(OFFICER))

    expect(wrapper.get('nav').findAll('a').map((a) => a.text())).toEqual(['我的任务', '登记线索', '消息'])
    expect(fetchMock).toHaveBeenCalledWith('/api/notification/inbox?size=50', expect.anything())
  })

  it("keeps an enterprise user out of the officers' case page with a readable notice", async () => {
    const { wrapper, fetchMock } = await mountApp(
      () => json({ ...OFFICER, roles: ['enterprise'], district: null, city: null, enterpriseId: '914403040000DM001P' }),
      'en',
      '/cases/CASE-2026-000001',
    )

    expect(wrapper.get('[data-testid="forbidden"]').text()).toContain('This page is for: Officer, Supervisor, Administrator.')
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/workflow'))).toBe(false)
  })

  it('does not show a menu or inbox to an integrator beyond webhooks', async () => {
    const { wrapper, fetchMock } = await mountApp(() => json({ ...OFFICER, roles: ['integrator'] }), 'en')

    expect(wrapper.get('nav').findAll('a').map((a) => a.attributes('data-testid'))).toEqual(['nav-webhooks'])
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/inbox'))).toBe(false)
  })
})

