import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api'
import { progressOf, uploadFile } from './upload'

/** A stand-in for XMLHttpRequest that records what was sent and lets the test drive the answer. */
class FakeXhr {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  withCredentials = false
  body: FormData | null = null
  status = 0
  responseText = ''
  responseHeaders: Record<string, string> = {}
  aborted = false
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null
  }
  send(body: FormData) {
    this.body = body
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable })
  }
  answer(status: number, body: unknown, type = 'application/json') {
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.responseHeaders['Content-Type'] = type
    this.onload?.()
  }
}

function setup() {
  const xhr = new FakeXhr()
  return { xhr, factory: () => xhr as unknown as XMLHttpRequest }
}

const photo = new File([new Uint8Array(1000)], 'site.jpg', { type: 'image/jpeg' })

describe('uploadFile', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=csrf-1; path=/'
  })
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  })

  it('POSTs one multipart part "file" with the CSRF header and reports progress', async () => {
    const { xhr, factory } = setup()
    const seen: (number | null)[] = []

    const result = uploadFile<{ evidenceId: string }>('/api/evidence/cases/C1/evidence', photo, 'site.jpg', {
      xhrFactory: factory,
      onProgress: (p) => seen.push(p.percent),
    })
    xhr.progress(250, 1000)
    xhr.progress(1000, 1000)
    xhr.answer(201, { evidenceId: 'EV-1' })

    await expect(result).resolves.toEqual({ evidenceId: 'EV-1' })
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/evidence/cases/C1/evidence')
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('csrf-1')
    expect(xhr.headers.Accept).toBe('application/json')
    expect((xhr.body!.get('file') as File).name).toBe('site.jpg')
    expect([...xhr.body!.keys()]).toEqual(['file'])
    expect(seen).toEqual([25, 100, 100])
  })

  it('rejects with the problem+json of a refusal', async () => {
    const { xhr, factory } = setup()
    const result = uploadFile('/u', photo, 'site.jpg', { xhrFactory: factory })
    xhr.answer(415, { title: 'Unsupported Media Type', detail: 'text/plain is not accepted' }, 'application/problem+json')

    const error = (await result.catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(415)
    expect(error.problem).toMatchObject({ title: 'Unsupported Media Type', detail: 'text/plain is not accepted', status: 415 })
  })

  it('rejects with status 0 when the network fails, and with AbortError when cancelled', async () => {
    const first = setup()
    const failing = uploadFile('/u', photo, 'a.jpg', { xhrFactory: first.factory })
    first.xhr.onerror?.()
    expect(((await failing.catch((e: unknown) => e)) as ApiError).isNetworkError).toBe(true)

    const second = setup()
    const controller = new AbortController()
    const cancelled = uploadFile('/u', photo, 'a.jpg', { xhrFactory: second.factory, signal: controller.signal })
    controller.abort()
    expect(second.xhr.aborted).toBe(true)
    expect(((await cancelled.catch((e: unknown) => e)) as DOMException).name).toBe('AbortError')
  })
})

describe('progressOf', () => {
  it('rounds and clamps the percentage, and has none when the total is unknown', () => {
    expect(progressOf(333, 1000).percent).toBe(33)
    expect(progressOf(2000, 1000).percent).toBe(100)
    expect(progressOf(10, 0)).toEqual({ loaded: 10, total: null, percent: null })
    expect(progressOf(10, 100, false).percent).toBeNull()
  })
})
