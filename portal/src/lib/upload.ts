import { ApiError, XSRF_HEADER, csrfToken, type Problem } from '../api'

/**
 * File upload with progress. fetch() cannot report upload progress, so this uses XMLHttpRequest: a multipart body
 * whose only part `file` holds the file (evidence-service reads that part as a stream), the CSRF header the gateway
 * wants on every POST, and the same ApiError as the fetch wrapper for refusals (problem+json) and network failures.
 */

export interface UploadProgress {
  loaded: number
  total: number | null
  /** 0–100, or null when the browser cannot tell the total. */
  percent: number | null
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void
  signal?: AbortSignal
  /** For tests. */
  xhrFactory?: () => XMLHttpRequest
}

export function progressOf(loaded: number, total: number | null | undefined, computable = true): UploadProgress {
  if (!computable || !total || total <= 0) return { loaded, total: null, percent: null }
  return { loaded, total, percent: Math.min(100, Math.max(0, Math.round((loaded / total) * 100))) }
}

function parseProblem(xhr: XMLHttpRequest): Problem | null {
  const type = (xhr.getResponseHeader('Content-Type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json' && !type.endsWith('+json')) return null
  try {
    const body: unknown = JSON.parse(xhr.responseText)
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const problem = body as Problem
      return { ...problem, status: typeof problem.status === 'number' ? problem.status : xhr.status }
    }
  } catch {
    // not JSON after all
  }
  return null
}

export function uploadFile<T>(url: string, file: Blob, fileName: string, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = options.xhrFactory ? options.xhrFactory() : new XMLHttpRequest()
    const abort = () => xhr.abort()
    xhr.open('POST', url, true)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    const token = csrfToken()
    if (token) xhr.setRequestHeader(XSRF_HEADER, token)

    xhr.upload.onprogress = (event) => {
      options.onProgress?.(progressOf(event.loaded, event.total, event.lengthComputable))
    }
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', abort)
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.({ loaded: file.size, total: file.size, percent: 100 })
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
        } catch {
          resolve(undefined as T)
        }
      } else {
        reject(new ApiError(xhr.status, parseProblem(xhr)))
      }
    }
    xhr.onerror = () => {
      options.signal?.removeEventListener('abort', abort)
      reject(new ApiError(0, null))
    }
    xhr.onabort = () => {
      options.signal?.removeEventListener('abort', abort)
      reject(new DOMException('The upload was cancelled', 'AbortError'))
    }
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'))
        return
      }
      options.signal.addEventListener('abort', abort)
    }
    const body = new FormData()
    body.append('file', file, fileName)
    xhr.send(body)
  })
}
