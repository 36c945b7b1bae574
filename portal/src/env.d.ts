/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module 'virtual:event-catalogue' {
  /** Event types published on `inspectflow.events`, from docs/events/asyncapi.yaml. */
  export const eventTypes: string[]
  /** Where the portal serves the AsyncAPI file, or null when the build had none. */
  export const catalogueUrl: string | null
}
