import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, apiFetch, readCookie } from './api'

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0].trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

function jsonResponse(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

describe('readCookie', () => {
  it('finds a cookie among others and URL-decodes it', () => {
    expect(readCookie('XSRF-TOKEN', 'SESSION=abc; XSRF-TOKEN=a%2Bb%3D; other=1')).toBe('a+b=')
  })

  it('returns null when absent', () => {
    expect(readCookie('XSRF-TOKEN', 'SESSION=abc')).toBeNull()
    expect(readCookie('XSRF-TOKEN', '')).toBeNull()
  })
})

describe('apiFetch', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    clearCookies()
    document.cookie = 'XSRF-TOKEN=token-123; path=/'
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => clearCookies())

  function lastRequest() {
    const [url, init] = fetchMock.mock.calls.at(-1) as [string, RequestInit]
    return { url, init, headers: new Headers(init.headers) }
  }

  it('sends GET same-origin with Accept: application/json and no CSRF header', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ username: 'officer1' }))

    const me = await api.get<{ username: string }>('/api/me')

    expect(me.username).toBe('officer1')
    const { url, init, headers } = lastRequest()
    expect(url).toBe('/api/me')
    expect(init.method).toBe('GET')
    expect(init.credentials).toBe('same-origin')
    expect(headers.get('Accept')).toBe('application/json')
    expect(headers.has('X-XSRF-TOKEN')).toBe(false)
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('adds X-XSRF-TOKEN from the cookie on %s', async (method) => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))

    await expect(apiFetch('/api/things', { method })).resolves.toBeUndefined()

    expect(lastRequest().headers.get('X-XSRF-TOKEN')).toBe('token-123')
  })

  it('sends a JSON body with Content-Type on post', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 7 }, 201))

    await expect(api.post('/api/clues', { title: 'x' })).resolves.toEqual({ id: 7 })

    const { init, headers } = lastRequest()
    expect(init.body).toBe('{"title":"x"}')
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(headers.get('X-XSRF-TOKEN')).toBe('token-123')
  })

  it('omits the CSRF header when there is no cookie', async () => {
    clearCookies()
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))

    await api.post('/api/x')

    expect(lastRequest().headers.has('X-XSRF-TOKEN')).toBe(false)
  })

  it('parses problem+json into a typed ApiError', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'workflow-service is down', traceId: 't1' },
        503,
        'application/problem+json',
      ),
    )

    const error = await api.get('/api/me').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(503)
    expect(apiError.message).toBe('Service Unavailable')
    expect(apiError.problem).toMatchObject({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'workflow-service is down',
      traceId: 't1',
    })
    expect(apiError.isUnauthorized).toBe(false)
  })

  it('fills in the status when the problem omits it', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ title: 'Forbidden' }, 403, 'application/problem+json; charset=utf-8'))

    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError

    expect(error.problem).toEqual({ title: 'Forbidden', status: 403 })
  })

  it('gives problem = null for a non-JSON error body', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))

    const error = (await api.get('/api/me').catch((e: unknown) => e)) as ApiError

    expect(error.status).toBe(502)
    expect(error.problem).toBeNull()
    expect(error.message).toBe('HTTP 502')
  })

  it('flags 401 as unauthorized', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 401 }))

    const error = (await api.get('/api/me').catch((e: unknown) => e)) as ApiError

    expect(error.isUnauthorized).toBe(true)
  })

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))

    const error = (await api.get('/api/me').catch((e: unknown) => e)) as ApiError

    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(0)
    expect(error.isNetworkError).toBe(true)
  })
})
