import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '../api'
import { redirectToLogin } from '../auth'

/** A 401 from any call means the gateway session ended: start the login again (the page is reloaded after it). */
export function handleUnauthorized(error: unknown): boolean {
  if (error instanceof ApiError && error.isUnauthorized) {
    redirectToLogin()
    return true
  }
  return false
}

export interface AsyncState<T> {
  data: ShallowRef<T | null>
  error: ShallowRef<unknown>
  loading: Ref<boolean>
  run: () => Promise<T | null>
}

/** Loads data for a view; keeps the last error for ApiErrorAlert. */
export function useAsync<T>(loader: () => Promise<T>, options: { immediate?: boolean } = {}): AsyncState<T> {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<unknown>(null)
  const loading = ref(false)
  let generation = 0
  async function run(): Promise<T | null> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const value = await loader()
      if (mine === generation) data.value = value
      return value
    } catch (e) {
      if (mine === generation) {
        error.value = e
        handleUnauthorized(e)
      }
      return null
    } finally {
      if (mine === generation) loading.value = false
    }
  }
  if (options.immediate !== false) void run()
  return { data, error, loading, run }
}

/** Runs a form action: busy flag, error kept for display, 401 → login. Returns whether it succeeded. */
export function useAction() {
  const busy = ref(false)
  const error = shallowRef<unknown>(null)
  async function act<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    busy.value = true
    error.value = null
    try {
      return { ok: true, value: await action() }
    } catch (e) {
      error.value = e
      handleUnauthorized(e)
      return { ok: false }
    } finally {
      busy.value = false
    }
  }
  return { busy, error, act }
}
