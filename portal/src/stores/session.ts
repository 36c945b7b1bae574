import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, api } from '../api'
import { redirectToLogin } from '../auth'
import { dataScope, displayName, productRoles, type Me } from '../roles'

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'redirecting' | 'error'

export const ME_PATH = '/api/me'

export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('idle')
  const me = ref<Me | null>(null)
  const error = ref<ApiError | null>(null)

  const roles = computed(() => productRoles(me.value?.roles))
  const scope = computed(() => (me.value ? dataScope(me.value) : null))
  const name = computed(() => (me.value ? displayName(me.value) : ''))

  async function load(): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      me.value = await api.get<Me>(ME_PATH)
      status.value = 'ready'
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, null, String(e))
      if (apiError.isUnauthorized) {
        status.value = 'redirecting'
        redirectToLogin()
        return
      }
      me.value = null
      error.value = apiError
      status.value = 'error'
    }
  }

  return { status, me, error, roles, scope, name, load }
})
