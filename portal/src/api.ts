/**
 * Minimal fetch wrapper for calls to the gateway (same origin, session cookie).
 *
 * - always sends `Accept: application/json` and `credentials: 'same-origin'`;
 * - on state-changing requests (anything but GET/HEAD/OPTIONS/TRACE) adds the
 *   `X-XSRF-TOKEN` header with the value of the `XSRF-TOKEN` cookie the gateway sets;
 * - turns non-2xx answers into an {@link ApiError}, parsing RFC 9457 problem+json.
 */

export const XSRF_COOKIE = 'XSRF-TOKEN'
export const XSRF_HEADER = 'X-XSRF-TOKEN'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** RFC 9457 problem details. Extension members are kept as-is. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  [extension: string]: unknown
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer (network error). */
  readonly status: number
  /** The parsed problem+json body, or null when the answer had none. */
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  get isNetworkError(): boolean {
    return this.status === 0
  }

  get isUnauthorized(): boolean {
    return this.status === 401
  }
}

/** Reads a cookie visible to JavaScript; returns null when absent. */
export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(raw)
      } catch {
        return raw
      }
    }
  }
  return null
}

export function csrfToken(): string | null {
  return readCookie(XSRF_COOKIE)
}

function isJson(contentType: string | null): boolean {
  if (!contentType) return false
  const type = contentType.split(';')[0].trim().toLowerCase()
  return type === 'application/json' || type.endsWith('+json')
}

async function toProblem(response: Response): Promise<Problem | null> {
  if (!isJson(response.headers.get('Content-Type'))) return null
  try {
    const body: unknown = await response.json()
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const problem = body as Problem
      return {
        ...problem,
        status: typeof problem.status === 'number' ? problem.status : response.status,
      }
    }
  } catch {
    // malformed body: fall through
  }
  return null
}

/**
 * Performs a request and returns the parsed JSON body (undefined for 204 / non-JSON answers).
 * Throws {@link ApiError} for non-2xx answers and network failures.
 */
export async function apiFetch<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  if (!headers.has('Accept')) headers.set('Accept', 'application/json')
  if (!SAFE_METHODS.has(method)) {
    const token = csrfToken()
    if (token && !headers.has(XSRF_HEADER)) headers.set(XSRF_HEADER, token)
  }

  let response: Response
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' })
  } catch (cause) {
    const error = new ApiError(0, null)
    ;(error as Error & { cause?: unknown }).cause = cause
    throw error
  }

  if (!response.ok) {
    throw new ApiError(response.status, await toProblem(response))
  }
  if (response.status === 204 || !isJson(response.headers.get('Content-Type'))) {
    return undefined as T
  }
  return (await response.json()) as T
}

export const api = {
  get: <T>(path: string) => apiFetch<T>(path),
  post: <T>(path: string, body?: unknown) => apiFetch<T>(path, jsonInit('POST', body)),
  put: <T>(path: string, body?: unknown) => apiFetch<T>(path, jsonInit('PUT', body)),
  patch: <T>(path: string, body?: unknown) => apiFetch<T>(path, jsonInit('PATCH', body)),
  delete: <T>(path: string) => apiFetch<T>(path, { method: 'DELETE' }),
}

function jsonInit(method: string, body: unknown): RequestInit {
  if (body === undefined) return { method }
  return {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }
}
