/// <reference types="vitest/config" />
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// The gateway (Spring Cloud Gateway BFF) runs on :8080 in development. Everything that
// needs the session cookie goes through it, so the dev server forwards these paths.
const gateway = 'http://localhost:8080'
const proxied = ['/api', '/oauth2', '/login', '/logout']

/**
 * The event catalogue for integrators: docs/events/asyncapi.yaml of this repository is published with the portal
 * at /event-catalogue/asyncapi.yaml, and the event types on `inspectflow.events` are offered in the webhook form
 * (module `virtual:event-catalogue`). Read at build time, so the portal cannot drift from the catalogue.
 */
function eventCatalogue(): Plugin {
  const file = fileURLToPath(new URL('../docs/events/asyncapi.yaml', import.meta.url))
  const published = 'event-catalogue/asyncapi.yaml'
  const id = 'virtual:event-catalogue'
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8') : null)
  return {
    name: 'inspectflow-event-catalogue',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null
      const yaml = read()
      const types: string[] = []
      if (yaml) {
        let channel: string | null = null
        for (const line of yaml.split('\n')) {
          const name = /^ {2}([A-Za-z0-9.]+):\s*$/.exec(line)
          if (name) channel = name[1]
          else if (channel && / {4}title: .* on inspectflow\.events\s*$/.test(line)) types.push(channel)
          if (/^\S/.test(line) && !line.startsWith('channels:')) channel = null
        }
      }
      return `export const eventTypes = ${JSON.stringify(types)}\nexport const catalogueUrl = ${JSON.stringify(yaml ? `/${published}` : null)}\n`
    },
    configureServer(server) {
      server.middlewares.use(`/${published}`, (_req, res) => {
        const yaml = read()
        res.statusCode = yaml ? 200 : 404
        res.setHeader('Content-Type', 'application/yaml; charset=utf-8')
        res.end(yaml ?? '')
      })
    },
    generateBundle() {
      const yaml = read()
      if (yaml) this.emitFile({ type: 'asset', fileName: published, source: yaml })
    },
  }
}

export default defineConfig({
  plugins: [vue(), eventCatalogue()],
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      proxied.map((path) => [path, { target: gateway, changeOrigin: false, xfwd: true }]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // bpmn-js and ECharts are big by nature and live in their own lazily loaded chunks
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
})
