import { computed, markRaw, onScopeDispose, ref } from 'vue'
import { ApiError } from '../api'
import { uploadFile, type UploadOptions } from '../lib/upload'
import { uploadUrl, type EvidenceView, type UploadParams } from '../services/evidence'

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed'

export interface UploadItem {
  key: string
  name: string
  size: number
  type: string
  file: File
  status: UploadStatus
  /** 0–100; null while the browser cannot tell. */
  percent: number | null
  evidence: EvidenceView | null
  error: unknown
  previewUrl: string | null
  /** How many times evidence-service did not know the case yet (see notFoundRetries). */
  notFoundRetries: number
}

export type Uploader = (url: string, file: Blob, name: string, options: UploadOptions) => Promise<EvidenceView>

export interface UploadQueueOptions {
  /** Declared position, time, share flag: read at upload time. */
  params?: () => UploadParams
  /**
   * evidence-service learns of a new case from workflow-service's ClueReported event, a moment after the case
   * opened: a 404 right after intake is retried this many times.
   */
  notFoundRetries?: number
  notFoundDelayMs?: number
  upload?: Uploader
  sleep?: (ms: number) => Promise<void>
  /** Make object URLs for image previews (off in tests without URL.createObjectURL). */
  previews?: boolean
}

let counter = 0

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function useUploadQueue(options: UploadQueueOptions = {}) {
  const items = ref<UploadItem[]>([])
  const upload: Uploader = options.upload ?? ((url, file, name, o) => uploadFile<EvidenceView>(url, file, name, o))
  const sleep = options.sleep ?? defaultSleep
  const retries = options.notFoundRetries ?? 0
  const delay = options.notFoundDelayMs ?? 1500
  const previews = options.previews ?? typeof URL.createObjectURL === 'function'

  const busy = computed(() => items.value.some((i) => i.status === 'uploading'))
  const evidenceIds = computed(() =>
    items.value.filter((i) => i.status === 'done' && i.evidence).map((i) => i.evidence!.evidenceId),
  )
  const pending = computed(() => items.value.filter((i) => i.status === 'queued' || i.status === 'failed').length)

  function find(key: string): UploadItem | undefined {
    return items.value.find((i) => i.key === key)
  }

  function add(files: FileList | readonly File[] | null | undefined): UploadItem[] {
    const added: UploadItem[] = []
    for (const file of Array.from(files ?? [])) {
      const item: UploadItem = {
        key: `upload-${++counter}`,
        name: file.name || 'file',
        size: file.size,
        type: file.type,
        file: markRaw(file),
        status: 'queued',
        percent: 0,
        evidence: null,
        error: null,
        previewUrl: previews && file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
        notFoundRetries: 0,
      }
      items.value.push(item)
      added.push(item)
    }
    return added.map((i) => find(i.key)!)
  }

  function revoke(item: UploadItem) {
    if (item.previewUrl && previews) URL.revokeObjectURL(item.previewUrl)
  }

  function remove(key: string) {
    const item = find(key)
    if (!item || item.status === 'uploading') return
    revoke(item)
    items.value = items.value.filter((i) => i.key !== key)
  }

  function clear() {
    items.value.forEach(revoke)
    items.value = []
  }

  async function uploadOne(key: string, caseId: string): Promise<boolean> {
    let item = find(key)
    if (!item || item.status === 'done' || item.status === 'uploading') return item?.status === 'done'
    item.status = 'uploading'
    item.percent = 0
    item.error = null
    for (;;) {
      try {
        const stored = await upload(uploadUrl(caseId, options.params?.() ?? {}), item.file, item.name, {
          onProgress: (p) => {
            const current = find(key)
            if (current) current.percent = p.percent
          },
        })
        item = find(key)
        if (!item) return false
        item.status = 'done'
        item.percent = 100
        item.evidence = stored
        return true
      } catch (e) {
        item = find(key)
        if (!item) return false
        if (e instanceof ApiError && e.status === 404 && item.notFoundRetries < retries) {
          item.notFoundRetries += 1
          item.percent = 0
          await sleep(delay)
          continue
        }
        item.status = 'failed'
        item.error = e
        return false
      }
    }
  }

  /** Uploads every queued or failed file, one after the other; answers the evidence ids of all stored files. */
  async function uploadAll(caseId: string): Promise<{ evidenceIds: string[]; failed: number }> {
    for (const item of [...items.value]) {
      if (item.status === 'queued' || item.status === 'failed') await uploadOne(item.key, caseId)
    }
    return { evidenceIds: evidenceIds.value, failed: items.value.filter((i) => i.status === 'failed').length }
  }

  onScopeDispose(clear)

  return { items, busy, pending, evidenceIds, add, remove, clear, uploadOne, uploadAll }
}

export type UploadQueue = ReturnType<typeof useUploadQueue>
