import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { ApiError } from '../api'
import type { UploadOptions } from '../lib/upload'
import type { EvidenceView } from '../services/evidence'
import { useUploadQueue, type Uploader } from './useUploadQueue'

function stored(id: string): EvidenceView {
  return { sequence: 1, evidenceId: id, sha256: 'ab'.repeat(32), hash: 'h', previousHash: '0', actor: 'officer1', at: '', metadata: {} }
}

function file(name: string) {
  return new File([new Uint8Array(10)], name, { type: 'image/jpeg' })
}

function inScope<T>(fn: () => T): T {
  return effectScope().run(fn)!
}

describe('useUploadQueue', () => {
  it('uploads queued files one by one, tracks progress and collects the evidence ids', async () => {
    const progressDuringUpload: (number | null)[] = []
    let queueRef: ReturnType<typeof useUploadQueue> | null = null
    const upload: Uploader = async (url, _file, name, options: UploadOptions) => {
      options.onProgress?.({ loaded: 5, total: 10, percent: 50 })
      progressDuringUpload.push(queueRef!.items.value.find((i) => i.name === name)!.percent)
      expect(queueRef!.items.value.find((i) => i.name === name)!.status).toBe('uploading')
      expect(url).toBe('/api/evidence/cases/CASE-1/evidence?latitude=22.5&longitude=114.1')
      return stored(`EV-${name}`)
    }
    const queue = inScope(() => useUploadQueue({ upload, previews: false, params: () => ({ latitude: 22.5, longitude: 114.1 }) }))
    queueRef = queue
    queue.add([file('a.jpg'), file('b.jpg')])

    const result = await queue.uploadAll('CASE-1')

    expect(progressDuringUpload).toEqual([50, 50])
    expect(result).toEqual({ evidenceIds: ['EV-a.jpg', 'EV-b.jpg'], failed: 0 })
    expect(queue.items.value.map((i) => [i.status, i.percent])).toEqual([
      ['done', 100],
      ['done', 100],
    ])
  })

  it('keeps a failed upload with its error, and uploads it again on retry', async () => {
    const upload = vi
      .fn<Uploader>()
      .mockRejectedValueOnce(new ApiError(413, { title: 'Payload Too Large' }))
      .mockResolvedValueOnce(stored('EV-2'))
    const queue = inScope(() => useUploadQueue({ upload, previews: false }))
    const [item] = queue.add([file('big.jpg')])

    expect((await queue.uploadAll('C')).failed).toBe(1)
    expect(queue.items.value[0].status).toBe('failed')
    expect((queue.items.value[0].error as ApiError).status).toBe(413)
    expect(queue.evidenceIds.value).toEqual([])

    await queue.uploadOne(item.key, 'C')
    expect(queue.items.value[0].status).toBe('done')
    expect(queue.evidenceIds.value).toEqual(['EV-2'])
  })

  it('retries a 404 while evidence-service does not know a new case yet', async () => {
    const sleep = vi.fn(async () => {})
    const upload = vi
      .fn<Uploader>()
      .mockRejectedValueOnce(new ApiError(404, null))
      .mockRejectedValueOnce(new ApiError(404, null))
      .mockResolvedValueOnce(stored('EV-3'))
    const queue = inScope(() => useUploadQueue({ upload, previews: false, notFoundRetries: 3, notFoundDelayMs: 10, sleep }))
    queue.add([file('x.jpg')])

    expect((await queue.uploadAll('NEW')).evidenceIds).toEqual(['EV-3'])
    expect(upload).toHaveBeenCalledTimes(3)
    expect(sleep).toHaveBeenCalledWith(10)
  })

  it('gives up after the allowed 404 retries', async () => {
    const upload = vi.fn<Uploader>().mockRejectedValue(new ApiError(404, null))
    const queue = inScope(() => useUploadQueue({ upload, previews: false, notFoundRetries: 1, sleep: async () => {} }))
    queue.add([file('x.jpg')])

    expect((await queue.uploadAll('GONE')).failed).toBe(1)
    expect(upload).toHaveBeenCalledTimes(2)
  })

  it('removes files not yet uploaded', () => {
    const queue = inScope(() => useUploadQueue({ previews: false }))
    const [a] = queue.add([file('a.jpg'), file('b.jpg')])
    queue.remove(a.key)
    expect(queue.items.value.map((i) => i.name)).toEqual(['b.jpg'])
  })
})
