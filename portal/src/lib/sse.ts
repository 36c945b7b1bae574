/**
 * A server-sent-events stream that stays open: the notification service ends each stream after five minutes and a
 * gateway restart or a lost network drops it, so on every error the source is closed and opened again after a
 * growing delay (1 s, 2 s, 4 s … at most 30 s). After a reconnect `onReconnect` runs, so the caller can re-read
 * what it may have missed while disconnected.
 */

export interface EventSourceLike {
  readonly readyState: number
  onopen: ((this: EventSource, ev: Event) => unknown) | null
  onerror: ((this: EventSource, ev: Event) => unknown) | null
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
}

export type EventSourceFactory = (url: string) => EventSourceLike

export type StreamStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'stopped'

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface LiveStreamOptions {
  url: string
  /** Handlers by event name (`ready`, `inbox`, …); `message` for unnamed events. */
  events: Record<string, (event: MessageEvent) => void>
  onStatus?: (status: StreamStatus) => void
  /** Called after the stream opened again following an error (not on the first open). */
  onReconnect?: () => void
  factory?: EventSourceFactory
  timers?: Timers
  minDelayMs?: number
  maxDelayMs?: number
}

const defaultFactory: EventSourceFactory = (url) =>
  new EventSource(url, { withCredentials: true }) as unknown as EventSourceLike

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export function reconnectDelay(attempt: number, minDelayMs = 1000, maxDelayMs = 30_000): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt))
}

export class LiveStream {
  private source: EventSourceLike | null = null
  private timer: unknown = null
  private failures = 0
  private openedBefore = false
  private current: StreamStatus = 'idle'
  private readonly options: Required<Omit<LiveStreamOptions, 'onStatus' | 'onReconnect'>> &
    Pick<LiveStreamOptions, 'onStatus' | 'onReconnect'>

  constructor(options: LiveStreamOptions) {
    // explicit `undefined`s (a caller passing its own optional factory on) must not override the defaults
    this.options = {
      ...options,
      factory: options.factory ?? defaultFactory,
      timers: options.timers ?? defaultTimers,
      minDelayMs: options.minDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 30_000,
    }
  }

  get status(): StreamStatus {
    return this.current
  }

  /** How many times in a row the stream failed (reset when it opens). */
  get failureCount(): number {
    return this.failures
  }

  start(): void {
    if (this.current !== 'idle' && this.current !== 'stopped') return
    this.connect()
  }

  stop(): void {
    this.clearTimer()
    this.source?.close()
    this.source = null
    this.setStatus('stopped')
  }

  private connect(): void {
    this.timer = null
    this.setStatus(this.openedBefore || this.failures > 0 ? 'reconnecting' : 'connecting')
    const source = this.options.factory(this.options.url)
    this.source = source
    source.onopen = () => {
      if (this.source !== source) return
      const reconnected = this.openedBefore || this.failures > 0
      this.failures = 0
      this.openedBefore = true
      this.setStatus('open')
      if (reconnected) this.options.onReconnect?.()
    }
    source.onerror = () => {
      if (this.source !== source) return
      source.close()
      this.source = null
      this.scheduleReconnect()
    }
    for (const [name, handler] of Object.entries(this.options.events)) {
      source.addEventListener(name, (event) => {
        if (this.source === source) handler(event)
      })
    }
  }

  private scheduleReconnect(): void {
    this.clearTimer()
    const delay = reconnectDelay(this.failures, this.options.minDelayMs, this.options.maxDelayMs)
    this.failures += 1
    this.setStatus('reconnecting')
    this.timer = this.options.timers.setTimeout(() => this.connect(), delay)
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private setStatus(status: StreamStatus): void {
    if (this.current === status) return
    this.current = status
    this.options.onStatus?.(status)
  }
}
