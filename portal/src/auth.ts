import { csrfToken } from './api'

/** Where the gateway starts the OAuth2 login against Keycloak. */
export const LOGIN_PATH = '/oauth2/authorization/keycloak'
export const LOGOUT_PATH = '/logout'

/** Indirection over full-page navigation, so tests can observe it. */
export const browser = {
  assign(url: string): void {
    window.location.assign(url)
  },
}

export function redirectToLogin(): void {
  browser.assign(LOGIN_PATH)
}

/**
 * Logs out through the gateway: a real form POST to /logout carrying the CSRF token
 * (cookie `XSRF-TOKEN`) in the hidden field `_csrf`, so the browser follows the
 * gateway's redirect (and Keycloak's end-session redirect) as a full page load.
 */
export function logout(doc: Document = document): HTMLFormElement {
  const form = doc.createElement('form')
  form.method = 'post'
  form.action = LOGOUT_PATH
  form.hidden = true
  const input = doc.createElement('input')
  input.type = 'hidden'
  input.name = '_csrf'
  input.value = csrfToken() ?? ''
  form.appendChild(input)
  doc.body.appendChild(form)
  form.submit()
  return form
}
