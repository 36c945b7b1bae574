/**
 * Deadlines as officers and enterprises see them. A task's due date is an instant; a rectification order's deadline
 * is a day, which ends at midnight in Asia/Shanghai whatever the browser's zone (as workflow-service counts it).
 */

export type DueState = 'none' | 'ok' | 'due-soon' | 'overdue'

/** "Due soon" is within two days, as workflow-service's `status=due-soon` filter counts it. */
export const DUE_SOON_MS = 2 * 24 * 60 * 60 * 1000

const DAY_MS = 24 * 60 * 60 * 1000

export function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function dueState(due: string | number | Date | null | undefined, now: Date, soonMs = DUE_SOON_MS): DueState {
  const at = toDate(due)
  if (!at) return 'none'
  const left = at.getTime() - now.getTime()
  if (left <= 0) return 'overdue'
  return left <= soonMs ? 'due-soon' : 'ok'
}

/** The instant a deadline day (`2026-12-08`) ends: the next midnight in China Standard Time (UTC+8, no DST). */
export function deadlineEnd(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const start = new Date(`${day}T00:00:00+08:00`)
  if (Number.isNaN(start.getTime())) return null
  return new Date(start.getTime() + DAY_MS)
}

export interface Countdown {
  overdue: boolean
  /** Whole days, hours, minutes and seconds left (or past, when overdue). */
  days: number
  hours: number
  minutes: number
  seconds: number
  totalMs: number
}

export function countdown(end: Date, now: Date): Countdown {
  const diff = end.getTime() - now.getTime()
  const overdue = diff <= 0
  let rest = Math.floor(Math.abs(diff) / 1000)
  const days = Math.floor(rest / 86400)
  rest -= days * 86400
  const hours = Math.floor(rest / 3600)
  rest -= hours * 3600
  const minutes = Math.floor(rest / 60)
  const seconds = rest - minutes * 60
  return { overdue, days, hours, minutes, seconds, totalMs: diff }
}

/**
 * The countdown as i18n key + values: days and hours when a day or more is left, else hours and minutes, else
 * minutes and seconds; `deadline.overdueBy*` once the deadline passed.
 */
export function countdownMessage(c: Countdown): { key: string; values: Record<string, number> } {
  const prefix = c.overdue ? 'deadline.overdueBy' : 'deadline.left'
  if (c.days > 0) return { key: `${prefix}Days`, values: { days: c.days, hours: c.hours } }
  if (c.hours > 0) return { key: `${prefix}Hours`, values: { hours: c.hours, minutes: c.minutes } }
  return { key: `${prefix}Minutes`, values: { minutes: c.minutes, seconds: c.seconds } }
}
