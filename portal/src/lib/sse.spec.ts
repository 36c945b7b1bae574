import { describe, expect, it, vi } from 'vitest'
import { LiveStream, reconnectDelay, type EventSourceLike, type Timers } from './sse'

class FakeSource implements EventSourceLike {
  readyState = 0
  onopen: EventSourceLike['onopen'] = null
  onerror: EventSourceLike['onerror'] = null
  closed = false
  listeners = new Map<string, (event: MessageEvent) => void>()
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, listener)
  }
  close() {
    this.closed = true
    this.readyState = 2
  }
  open() {
    this.readyState = 1
    this.onopen?.call(this as unknown as EventSource, new Event('open'))
  }
  fail() {
    this.onerror?.call(this as unknown as EventSource, new Event('error'))
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }))
  }
}

function fakeTimers() {
  const pending: { fn: () => void; ms: number; handle: number }[] = []
  let next = 1
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const handle = next++
      pending.push({ fn, ms, handle })
      return handle
    },
    clearTimeout: (handle) => {
      const index = pending.findIndex((p) => p.handle === handle)
      if (index >= 0) pending.splice(index, 1)
    },
  }
  return {
    timers,
    pending,
    fire() {
      const p = pending.shift()!
      p.fn()
      return p.ms
    },
  }
}

function setup() {
  const sources: FakeSource[] = []
  const clock = fakeTimers()
  const received: unknown[] = []
  const statuses: string[] = []
  let reconnects = 0
  const stream = new LiveStream({
    url: '/api/notification/inbox/stream',
    events: { inbox: (e) => received.push(JSON.parse(e.data)) },
    factory: (url) => {
      const source = new FakeSource(url)
      sources.push(source)
      return source
    },
    timers: clock.timers,
    onStatus: (s) => statuses.push(s),
    onReconnect: () => reconnects++,
  })
  return { stream, sources, clock, received, statuses, reconnects: () => reconnects }
}

describe('LiveStream', () => {
  it('opens the stream and passes named events on', () => {
    const { stream, sources, received, statuses } = setup()
    stream.start()
    sources[0].open()
    sources[0].emit('inbox', { id: 'NTF-1' })

    expect(sources[0].url).toBe('/api/notification/inbox/stream')
    expect(received).toEqual([{ id: 'NTF-1' }])
    expect(statuses).toEqual(['connecting', 'open'])
  })

  it('closes a failed stream and reconnects with a growing delay, then re-reads after reconnecting', () => {
    const { stream, sources, clock, reconnects } = setup()
    stream.start()
    sources[0].open()

    sources[0].fail()
    expect(sources[0].closed).toBe(true)
    expect(stream.status).toBe('reconnecting')
    expect(clock.fire()).toBe(1000)
    sources[1].fail()
    expect(clock.fire()).toBe(2000)
    sources[2].fail()
    expect(clock.fire()).toBe(4000)
    expect(sources).toHaveLength(4)
    expect(reconnects()).toBe(0)

    sources[3].open()
    expect(stream.status).toBe('open')
    expect(stream.failureCount).toBe(0)
    expect(reconnects()).toBe(1)

    // after a successful open the delay starts small again
    sources[3].fail()
    expect(clock.fire()).toBe(1000)
  })

  it('ignores events of a stream it already replaced, and stops for good', () => {
    const { stream, sources, clock, received } = setup()
    stream.start()
    sources[0].fail()
    sources[0].emit('inbox', { id: 'late' })
    expect(received).toEqual([])

    stream.stop()
    expect(clock.pending).toHaveLength(0)
    expect(stream.status).toBe('stopped')
  })

  it('caps the delay at 30 seconds', () => {
    expect([0, 1, 4, 5, 10].map((n) => reconnectDelay(n))).toEqual([1000, 2000, 16000, 30000, 30000])
  })

  it("uses the browser's EventSource with credentials when no factory is given", () => {
    const made: { url: string; init: unknown }[] = []
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string, init: unknown) {
          made.push({ url, init })
        }
        addEventListener() {}
        close() {}
      },
    )
    const stream = new LiveStream({ url: '/s', events: {}, factory: undefined, timers: undefined })
    stream.start()

    expect(made).toEqual([{ url: '/s', init: { withCredentials: true } }])
    stream.stop()
  })
})

