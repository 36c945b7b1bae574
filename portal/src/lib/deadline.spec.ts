import { describe, expect, it } from 'vitest'
import { countdown, countdownMessage, deadlineEnd, dueState } from './deadline'

const now = new Date('2026-12-01T02:00:00Z') // 10:00 in Shanghai

describe('dueState', () => {
  it('is overdue once the due time passed, due-soon within two days, else ok', () => {
    expect(dueState('2026-12-01T01:59:59Z', now)).toBe('overdue')
    expect(dueState('2026-12-01T02:00:00Z', now)).toBe('overdue')
    expect(dueState('2026-12-01T02:00:01Z', now)).toBe('due-soon')
    expect(dueState('2026-12-03T02:00:00Z', now)).toBe('due-soon')
    expect(dueState('2026-12-03T02:00:01Z', now)).toBe('ok')
  })

  it('is none without a due date or with garbage', () => {
    expect(dueState(null, now)).toBe('none')
    expect(dueState(undefined, now)).toBe('none')
    expect(dueState('not a date', now)).toBe('none')
  })
})

describe('deadlineEnd', () => {
  it('ends a deadline day at the next midnight in China, whatever the browser zone', () => {
    expect(deadlineEnd('2026-12-08')?.toISOString()).toBe('2026-12-08T16:00:00.000Z')
    expect(deadlineEnd('08.12.2026')).toBeNull()
  })
})

describe('countdown', () => {
  it('counts days, hours, minutes and seconds left', () => {
    const c = countdown(deadlineEnd('2026-12-03')!, now) // ends 2026-12-03T16:00Z
    expect(c).toMatchObject({ overdue: false, days: 2, hours: 14, minutes: 0, seconds: 0 })
    expect(countdownMessage(c)).toEqual({ key: 'deadline.leftDays', values: { days: 2, hours: 14 } })
  })

  it('switches to hours and minutes, then minutes and seconds, on the last day', () => {
    const end = new Date('2026-12-01T05:30:15Z')
    expect(countdownMessage(countdown(end, now))).toEqual({ key: 'deadline.leftHours', values: { hours: 3, minutes: 30 } })
    expect(countdownMessage(countdown(end, new Date('2026-12-01T05:20:00Z')))).toEqual({
      key: 'deadline.leftMinutes',
      values: { minutes: 10, seconds: 15 },
    })
  })

  it('says how long ago an overdue deadline passed', () => {
    const c = countdown(deadlineEnd('2026-11-29')!, now) // ended 2026-11-29T16:00Z
    expect(c.overdue).toBe(true)
    expect(countdownMessage(c)).toEqual({ key: 'deadline.overdueByDays', values: { days: 1, hours: 10 } })
  })
})
