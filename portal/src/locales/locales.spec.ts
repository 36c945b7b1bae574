import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN.json'
import en from './en.json'
import { CASE_STATUSES, CLUE_SOURCES, DISMISSAL_REASONS, FINDINGS, PROBLEM_TYPES, SEVERITIES, TASK_KEYS, TASK_STATUS_FILTERS, VIOLATION_TYPES } from '../services/workflow'
import { ORDER_STATUSES } from '../services/enterprise'
import { NAV_ITEMS } from '../lib/navigation'
import type { ErrorKind } from '../lib/problems'

/** Every source file of the portal, as text, to find the message keys it uses. */
const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts', '!../locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message files', () => {
  const zh = leaves(zhCN as Tree)
  const enLeaves = leaves(en as Tree)

  it('zh-CN and en have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('have no empty messages', () => {
    for (const [key, value] of [...zh, ...enLeaves]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of zh) {
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })

  it('name every product role and its home card', () => {
    for (const role of ['officer', 'supervisor', 'enterprise', 'integrator', 'admin']) {
      expect(zh.has(`roles.${role}`)).toBe(true)
      expect(zh.has(`home.cards.${role}.title`)).toBe(true)
    }
  })

  it('have every key the source code uses literally', () => {
    const used = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1])
    }
    expect(used.size).toBeGreaterThan(200)
    const missing = [...used].filter((key) => !zh.has(key))
    expect(missing).toEqual([])
  })

  it('have the keys built from codes (errors, deadlines, uploads, evidence links, menu, live status)', () => {
    const kinds: ErrorKind[] = ['network', 'badRequest', 'unauthorized', 'forbidden', 'notFound', 'conflict', 'tooLarge', 'unsupported', 'unprocessable', 'rateLimited', 'server', 'other']
    const keys = [
      ...kinds.flatMap((k) => [`errors.${k}.title`, `errors.${k}.detail`, `errors.${k}.hint`]),
      ...['due-soon', 'overdue'].map((s) => `deadline.state.${s}`),
      ...['Days', 'Hours', 'Minutes'].flatMap((u) => [`deadline.left${u}`, `deadline.overdueBy${u}`]),
      ...['queued', 'uploading', 'done', 'failed'].map((s) => `upload.status.${s}`),
      ...['unchecked', 'verified', 'broken', 'unverifiable'].map((s) => `evidence.link.${s}`),
      ...['enterprise', 'official'].map((s) => `evidence.by.${s}`),
      ...['idle', 'connecting', 'open', 'reconnecting', 'stopped'].map((s) => `inbox.live.${s}`),
      ...TASK_STATUS_FILTERS.map((s) => `tasks.status.${s}`),
      ...ORDER_STATUSES.map((s) => `order.notWaiting.${s}`),
      ...NAV_ITEMS.map((i) => i.label),
    ]
    expect(keys.filter((key) => !zh.has(key))).toEqual([])
  })

  it('name every code the services send that the portal shows', () => {
    const groups: Record<string, readonly string[]> = {
      source: CLUE_SOURCES,
      severity: SEVERITIES,
      finding: FINDINGS,
      dismissalReason: DISMISSAL_REASONS,
      caseStatus: CASE_STATUSES,
      orderStatus: ORDER_STATUSES,
      problemType: PROBLEM_TYPES,
      violationType: VIOLATION_TYPES,
      bpmn: [...TASK_KEYS, 'EndEvent_CaseClosed', 'EndEvent_ClueDismissed', 'EndEvent_ClueMerged'],
    }
    const missing = Object.entries(groups).flatMap(([group, codes]) => codes.map((c) => `${group}.${c}`)).filter((key) => !zh.has(key))
    expect(missing).toEqual([])
  })

  it('say the zh-CN words of the glossary', () => {
    expect(zh.get('nav.dispatch')).toBe('指挥调度')
    expect(zh.get('caseStatus.CLOSED')).toBe('已销号')
    expect(zh.get('source.REMOTE_SENSING')).toBe('遥感图斑')
    expect(zh.get('nav.draws')).toBe('双随机抽查')
    expect(en.bpmn.Task_InspectOnSite).toBe('On-site inspection')
  })
})

