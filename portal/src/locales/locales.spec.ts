import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN.json'
import en from './en.json'

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
})
