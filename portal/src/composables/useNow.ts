import { onScopeDispose, ref, type Ref } from 'vue'

/** The current time, refreshed every `intervalMs` while the component lives (countdowns, due badges). */
export function useNow(intervalMs = 1000): Ref<Date> {
  const now = ref(new Date())
  const handle = setInterval(() => {
    now.value = new Date()
  }, intervalMs)
  onScopeDispose(() => clearInterval(handle))
  return now
}
