import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import EvidenceUploader from './EvidenceUploader.vue'
import { useUploadQueue, type Uploader } from '../composables/useUploadQueue'
import { mountWith } from '../test-utils'

function harness(upload: Uploader, caseId: string | null) {
  return defineComponent({
    setup() {
      const queue = useUploadQueue({ upload, previews: false })
      return () => h(EvidenceUploader, { queue, caseId, legend: 'Evidence' })
    },
  })
}

function pick(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
}

describe('EvidenceUploader', () => {
  it('offers the phone camera and uploads a picked photo at once, showing its progress', async () => {
    let finish: (() => void) | null = null
    const upload: Uploader = (_url, _file, _name, options) =>
      new Promise((resolve) => {
        options.onProgress?.({ loaded: 40, total: 100, percent: 40 })
        finish = () => resolve({ sequence: 1, evidenceId: 'EV-1', sha256: 'f'.repeat(64), hash: '', previousHash: '', actor: '', at: '', metadata: { flags: 'NO_GPS' } })
      })
    const { wrapper } = await mountWith(harness(upload, 'CASE-1'))

    const camera = wrapper.get<HTMLInputElement>('[data-testid="evidence-camera-input"]')
    expect(camera.attributes('accept')).toBe('image/*')
    expect(camera.attributes('capture')).toBe('environment')

    pick(camera.element, [new File([new Uint8Array(100)], 'site.jpg', { type: 'image/jpeg' })])
    await flushPromises()

    const item = wrapper.get('[data-testid="upload-item"]')
    expect(item.attributes('data-status')).toBe('uploading')
    expect(item.get('[data-testid="upload-progress"]').attributes('aria-valuenow')).toBe('40')
    expect(item.text()).toContain('Uploading')

    finish!()
    await flushPromises()

    expect(item.attributes('data-status')).toBe('done')
    expect(item.get('[data-testid="upload-progress"]').attributes('aria-valuenow')).toBe('100')
    expect(item.text()).toContain('SHA-256 ffffffffffff…')
    expect(item.text()).toContain('No GPS in photo')
  })

  it('only queues files while the case does not exist yet', async () => {
    const calls: string[] = []
    const upload: Uploader = async (url) => {
      calls.push(url)
      throw new Error('not expected')
    }
    const { wrapper } = await mountWith(harness(upload, null))
    pick(wrapper.get<HTMLInputElement>('[data-testid="evidence-file-input"]').element, [new File(['x'], 'report.pdf', { type: 'application/pdf' })])
    await flushPromises()

    expect(calls).toEqual([])
    expect(wrapper.get('[data-testid="upload-item"]').attributes('data-status')).toBe('queued')
    expect(wrapper.text()).toContain('Waiting to upload')
  })
})
