import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DeadlineCountdown from './DeadlineCountdown.vue'
import DueBadge from './DueBadge.vue'
import { mountWith } from '../test-utils'

describe('DeadlineCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-07T02:00:00Z')) // 10:00 in Shanghai
  })
  afterEach(() => vi.useRealTimers())

  it('counts down to the end of the deadline day in China and flags due soon in words', async () => {
    const { wrapper } = await mountWith(DeadlineCountdown, { props: { deadline: '2026-12-08' }, locale: 'zh-CN' })

    const box = wrapper.get('[data-testid="deadline-countdown"]')
    expect(box.attributes('data-due')).toBe('due-soon')
    expect(box.text()).toContain('即将到期')
    expect(box.text()).toContain('剩余 1 天 14 小时')
  })

  it('ticks every second and turns overdue when the day has ended', async () => {
    vi.setSystemTime(new Date('2026-12-08T15:59:58Z'))
    const { wrapper } = await mountWith(DeadlineCountdown, { props: { deadline: '2026-12-08' } })
    expect(wrapper.text()).toContain('0 min 2 s left')

    vi.advanceTimersByTime(3000)
    await flushPromises()

    const box = wrapper.get('[data-testid="deadline-countdown"]')
    expect(box.attributes('data-due')).toBe('overdue')
    expect(box.text()).toContain('Overdue')
    expect(box.text()).toContain('overdue by 0 min 1 s')
  })

  it('shows the day but no countdown once the order no longer waits, and marks provisional calendars', async () => {
    const { wrapper } = await mountWith(DeadlineCountdown, { props: { deadline: '2026-12-20', active: false, provisional: true } })

    expect(wrapper.get('[data-testid="deadline-countdown"]').attributes('data-due')).toBe('none')
    expect(wrapper.text()).not.toContain('left')
    expect(wrapper.text()).toContain('provisional')
  })
})

describe('DueBadge', () => {
  const now = new Date('2026-12-07T02:00:00Z')

  it.each([
    ['2026-12-06T02:00:00Z', 'overdue', 'Overdue'],
    ['2026-12-08T02:00:00Z', 'due-soon', 'Due soon'],
  ])('highlights %s as %s', async (dueAt, state, words) => {
    const { wrapper } = await mountWith(DueBadge, { props: { dueAt, now } })
    const badge = wrapper.get('[data-testid="due-badge"]')
    expect(badge.attributes('data-due')).toBe(state)
    expect(badge.text()).toContain(words)
  })

  it('shows only the time when not due soon, and says when there is no due date', async () => {
    const later = await mountWith(DueBadge, { props: { dueAt: '2026-12-20T02:00:00Z', now } })
    expect(later.wrapper.get('[data-testid="due-badge"]').attributes('data-due')).toBe('ok')
    expect(later.wrapper.text()).not.toContain('Due soon')
    const none = await mountWith(DueBadge, { props: { dueAt: null, now } })
    expect(none.wrapper.text()).toBe('No due date')
  })
})
