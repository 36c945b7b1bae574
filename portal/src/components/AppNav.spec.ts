import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AppNav from './AppNav.vue'
import { OFFICER, mountWith } from '../test-utils'
import { useInboxStore } from '../stores/inbox'

describe('AppNav', () => {
  it('shows an officer the officer pages with the unread count of the inbox', async () => {
    const { wrapper } = await mountWith(AppNav)
    useInboxStore().unread = 3
    await flushPromises()

    expect(wrapper.findAll('a').map((a) => a.attributes('data-testid'))).toEqual(['nav-tasks', 'nav-new-clue', 'nav-inbox'])
    expect(wrapper.get('[data-testid="inbox-unread"]').text()).toBe('3')
    expect(wrapper.get('[data-testid="nav-tasks"]').attributes('href')).toBe('/tasks')
  })

  it('shows an enterprise user only the enterprise pages', async () => {
    const { wrapper } = await mountWith(AppNav, {
      me: { ...OFFICER, roles: ['enterprise'], district: null, city: null, enterpriseId: '914403040000DM001P' },
      locale: 'zh-CN',
    })
    expect(wrapper.findAll('a').map((a) => a.text())).toEqual(['整改通知', '历史案件', '消息'])
    expect(wrapper.get('[data-testid="nav-orders"]').attributes('href')).toBe('/enterprise/orders')
  })
})
