import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { handleUnauthorized } from '../composables/useAsync'
import { LiveStream, type EventSourceFactory, type StreamStatus } from '../lib/sse'
import { INBOX_STREAM_URL, notification, type InboxEntry } from '../services/notification'

/**
 * The notification inbox: the first page from `GET /inbox`, kept live by the server-sent events of
 * `GET /inbox/stream` (`ready` with the unread count, `inbox` with each new entry). After a reconnect the page is
 * read again, since entries made while the stream was down are not replayed.
 */
export const useInboxStore = defineStore('inbox', () => {
  const items = ref<InboxEntry[]>([])
  const unread = ref(0)
  const total = ref(0)
  const status = ref<StreamStatus>('idle')
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  /** The entry that arrived last over the stream; pages watch it to refresh their case. */
  const latest = shallowRef<InboxEntry | null>(null)
  let stream: LiveStream | null = null

  async function refresh(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const page = await notification.inbox({ size: 50 })
      items.value = Array.isArray(page?.items) ? page.items : []
      unread.value = page?.unread ?? 0
      total.value = page?.total ?? 0
    } catch (e) {
      error.value = e
      handleUnauthorized(e)
    } finally {
      loading.value = false
    }
  }

  function receive(entry: InboxEntry): void {
    const index = items.value.findIndex((i) => i.id === entry.id)
    if (index >= 0) {
      items.value.splice(index, 1, entry)
    } else {
      items.value.unshift(entry)
      total.value += 1
      if (!entry.read) unread.value += 1
    }
    latest.value = entry
  }

  function parse<T>(data: unknown): T | null {
    try {
      return JSON.parse(String(data)) as T
    } catch {
      return null
    }
  }

  function start(factory?: EventSourceFactory): void {
    if (stream) return
    if (!factory && typeof EventSource === 'undefined') {
      // no live updates in this browser: the inbox still loads, and reloads when opened
      void refresh()
      return
    }
    stream = new LiveStream({
      url: INBOX_STREAM_URL,
      factory,
      events: {
        ready: (event) => {
          const body = parse<{ unread: number }>(event.data)
          if (body && typeof body.unread === 'number') unread.value = body.unread
        },
        inbox: (event) => {
          const entry = parse<InboxEntry>(event.data)
          if (entry && entry.id) receive(entry)
        },
      },
      onStatus: (s) => {
        status.value = s
      },
      onReconnect: () => void refresh(),
    })
    stream.start()
    void refresh()
  }

  function stop(): void {
    stream?.stop()
    stream = null
  }

  async function markRead(id: string): Promise<void> {
    const updated = await notification.markRead(id)
    const index = items.value.findIndex((i) => i.id === id)
    const wasUnread = index >= 0 && !items.value[index].read
    if (index >= 0) items.value.splice(index, 1, updated)
    if (wasUnread) unread.value = Math.max(0, unread.value - 1)
  }

  async function markAllRead(): Promise<void> {
    await notification.markAllRead()
    const now = new Date().toISOString()
    items.value = items.value.map((i) => (i.read ? i : { ...i, read: true, readAt: now }))
    unread.value = 0
  }

  return { items, unread, total, status, loading, error, latest, refresh, receive, start, stop, markRead, markAllRead }
})
