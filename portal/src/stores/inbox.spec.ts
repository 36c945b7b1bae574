import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { useInboxStore } from './inbox'
import type { EventSourceLike } from '../lib/sse'
import { json, stubFetch } from '../test-utils'

class FakeSource implements EventSourceLike {
  readyState = 0
  onopen: EventSourceLike['onopen'] = null
  onerror: EventSourceLike['onerror'] = null
  listeners = new Map<string, (event: MessageEvent) => void>()
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, listener)
  }
  close() {}
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }))
  }
}

const entry = (id: string, read = false) => ({
  id,
  caseId: 'CASE-1',
  kind: 'rectification-ordered',
  title: `title ${id}`,
  body: 'body',
  link: 'http://localhost:8080/enterprise/orders/CASE-1',
  createdAt: '2026-12-07T02:00:00Z',
  readAt: read ? '2026-12-07T03:00:00Z' : null,
  read,
})

describe('inbox store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the first page, then adds entries pushed over the stream', async () => {
    const fetchMock = stubFetch((url) => (url.startsWith('/api/notification/inbox?') ? json({ items: [entry('A', true)], page: 0, size: 50, total: 1, unread: 0 }) : undefined))
    const sources: FakeSource[] = []
    const inbox = useInboxStore()

    inbox.start((url) => {
      expect(url).toBe('/api/notification/inbox/stream')
      const s = new FakeSource()
      sources.push(s)
      return s
    })
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledWith('/api/notification/inbox?size=50', expect.anything())
    expect(inbox.items.map((i) => i.id)).toEqual(['A'])

    sources[0].onopen?.call(sources[0] as unknown as EventSource, new Event('open'))
    sources[0].emit('ready', { unread: 4 })
    sources[0].emit('inbox', entry('B'))
    sources[0].emit('inbox', entry('B'))

    expect(inbox.status).toBe('open')
    expect(inbox.items.map((i) => i.id)).toEqual(['B', 'A'])
    expect(inbox.unread).toBe(5)
    expect(inbox.latest?.id).toBe('B')
  })

  it('marks one and all read through the API', async () => {
    const fetchMock = stubFetch(
      (url) => (url.startsWith('/api/notification/inbox?') ? json({ items: [entry('A'), entry('B')], page: 0, size: 50, total: 2, unread: 2 }) : undefined),
      (url) => (url === '/api/notification/inbox/A/read' ? json(entry('A', true)) : undefined),
      (url) => (url === '/api/notification/inbox/read-all' ? json({ marked: 1 }) : undefined),
    )
    const inbox = useInboxStore()
    await inbox.refresh()

    await inbox.markRead('A')
    expect(inbox.unread).toBe(1)
    expect(inbox.items[0].read).toBe(true)

    await inbox.markAllRead()
    expect(inbox.unread).toBe(0)
    expect(inbox.items.every((i) => i.read)).toBe(true)
    expect(fetchMock.mock.calls.filter(([, init]) => (init as RequestInit).method === 'POST')).toHaveLength(2)
  })
})
