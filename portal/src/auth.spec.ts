import { afterEach, describe, expect, it, vi } from 'vitest'
import { LOGIN_PATH, browser, logout, redirectToLogin } from './auth'

describe('logout', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
    document.body.innerHTML = ''
  })

  it('submits a POST form to /logout with the CSRF token in _csrf', () => {
    document.cookie = 'XSRF-TOKEN=abc-123; path=/'
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {})

    const form = logout()

    expect(submit).toHaveBeenCalledTimes(1)
    expect(form.getAttribute('method')).toBe('post')
    expect(form.getAttribute('action')).toBe('/logout')
    expect(form.isConnected).toBe(true)
    const input = form.querySelector<HTMLInputElement>('input[name="_csrf"]')
    expect(input?.type).toBe('hidden')
    expect(input?.value).toBe('abc-123')
  })
})

describe('redirectToLogin', () => {
  it('navigates the whole page to the gateway login', () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {})

    redirectToLogin()

    expect(assign).toHaveBeenCalledWith(LOGIN_PATH)
    expect(LOGIN_PATH).toBe('/oauth2/authorization/keycloak')
  })
})
