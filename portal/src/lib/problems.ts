import { ApiError, type Problem } from '../api'

/** The translate function of vue-i18n, narrowed to what these helpers need. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

/** One invalid field of a 400 answer (service-support lists them in the problem's `errors`). */
export interface FieldError {
  field: string
  message: string
}

export type ErrorKind =
  | 'network'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'unsupported'
  | 'unprocessable'
  | 'rateLimited'
  | 'server'
  | 'other'

/** What the portal shows for a failed call: our own words first, then the server's, then what to do next. */
export interface ErrorMessage {
  kind: ErrorKind
  status: number
  /** Translated heading for the kind of failure (never empty). */
  title: string
  /** The server's problem title and detail as it sent them ("Forbidden: district 440305 is …"), or ''. */
  serverMessage: string
  /** A translated explanation, used when the server said nothing. */
  detail: string
  /** What the user can do next (translated). */
  hint: string
  fieldErrors: FieldError[]
  traceId: string | null
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof Error) return new ApiError(0, null, error.message)
  return new ApiError(0, null, String(error))
}

export function errorKind(status: number): ErrorKind {
  if (status === 0) return 'network'
  if (status === 400) return 'badRequest'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 409) return 'conflict'
  if (status === 413) return 'tooLarge'
  if (status === 415) return 'unsupported'
  if (status === 422) return 'unprocessable'
  if (status === 429) return 'rateLimited'
  if (status >= 500) return 'server'
  return 'other'
}

function fieldErrors(problem: Problem | null): FieldError[] {
  const raw = problem?.errors
  if (!Array.isArray(raw)) return []
  return raw
    .filter((e): e is { field: unknown; message: unknown } => !!e && typeof e === 'object')
    .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    .filter((e) => e.message !== '')
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

/** Maps any failure of an API call (ApiError, network error, bug) to the message the portal shows. */
export function describeError(error: unknown, t: Translate): ErrorMessage {
  const e = toApiError(error)
  const kind = errorKind(e.status)
  const problemTitle = text(e.problem?.title)
  const problemDetail = text(e.problem?.detail)
  const serverMessage = [problemTitle, problemDetail].filter(Boolean).join(': ')
  const traceId = text(e.problem?.traceId) || null
  return {
    kind,
    status: e.status,
    title: t(`errors.${kind}.title`, { status: e.status }),
    serverMessage,
    detail: t(`errors.${kind}.detail`, { status: e.status }),
    hint: t(`errors.${kind}.hint`),
    fieldErrors: fieldErrors(e.problem),
    traceId,
  }
}
