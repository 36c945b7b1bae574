// Support for the browser tests: Debian's Chromium driven by playwright-core, sign-in on Keycloak's own login page,
// a watch on everything the portal receives (for tokens), photos made in the browser, screenshots at two sizes.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

export const PORTAL = (process.env.INSPECTFLOW_PORTAL_URL ?? 'http://localhost:18080').replace(/\/$/, '')
export const PASSWORD = process.env.INSPECTFLOW_DEMO_PASSWORD ?? 'demo123'
export const CHROMIUM = process.env.INSPECTFLOW_CHROMIUM ?? '/usr/bin/chromium'
export const SHOTS = resolve(process.env.INSPECTFLOW_SCREENSHOTS ?? 'target/browser-tests')
/** How long a step may wait for the platform (messages between services, the engine's async steps). */
export const STEP = Number(process.env.INSPECTFLOW_BROWSER_STEP_MS ?? 90_000)

export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1440, height: 900 }

// STACK.md: these flags, or Chromium tries Google's hosts on this closed network at every start
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

export async function launch() {
  // playwright-core starts Chromium with a fresh temporary profile (--user-data-dir) of its own
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
}

/** A browser profile of one person: a phone (touch, 390×844) or a desktop (1440×900), zh-CN as the bureau's. */
export async function person(browser, { phone = false, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({
    viewport: phone ? PHONE : DESKTOP,
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    locale,
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(20_000)
  return context
}

/**
 * Opens the portal and signs {@code username} in on Keycloak's login page (the portal sends the browser there when
 * GET /api/me answers 401); answers the page back on the portal with the user's name in the header.
 */
export async function signIn(context, username) {
  const page = await context.newPage()
  await page.goto(`${PORTAL}/`)
  await page.locator('#username').waitFor({ timeout: 30_000 })
  if (new URL(page.url()).origin === new URL(PORTAL).origin) {
    throw new Error(`the login form was expected on Keycloak's page, not on the portal (${page.url()})`)
  }
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(PASSWORD)
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.origin === new URL(PORTAL).origin, { timeout: 30_000 })
  await page.getByTestId('user-name').waitFor()
  return page
}

// ------------------------------------------------------------------------------------------------ tokens

// a JWS in compact form: base64url('{"…') . base64url('{"…') . signature (a JWE has five parts and starts alike)
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g

/** The JWTs in a text, each with its claims' `typ` (Keycloak: Bearer, Refresh, ID, Logout…) where readable. */
export function jwtsIn(text) {
  const found = []
  for (const match of String(text ?? '').matchAll(JWT)) {
    let typ = '?'
    try {
      typ = JSON.parse(Buffer.from(match[0].split('.')[1], 'base64url').toString('utf8')).typ ?? '?'
    } catch {
      // not JSON after all: still reported, as it looks like a token
    }
    found.push({ typ, token: `${match[0].slice(0, 24)}…` })
  }
  return found
}

/**
 * Records everything a browser profile receives: every response body (HTML, scripts, JSON, problem+json, uploads'
 * answers), every header and address, and, through a wrapped EventSource, every server-sent event the portal reads.
 */
export function watchTraffic(context) {
  const seen = { bodies: [], headers: [], urls: [], pending: [] }
  context.on('request', (request) => seen.urls.push(request.url()))
  context.on('response', (response) => {
    const headers = response.headers()
    seen.headers.push({ url: response.url(), status: response.status(), headers })
    const type = headers['content-type'] ?? ''
    if (response.status() >= 300 && response.status() < 400) return // a redirect has no body to read
    if (type.startsWith('text/event-stream')) return // read in the page instead: the stream does not end
    seen.pending.push(
      response.body().then(
        (body) => seen.bodies.push({ url: response.url(), type, text: body.toString('latin1') }),
        () => {}, // the page moved on before the body was read (a navigation away)
      ),
    )
  })
  return seen
}

/** Wraps EventSource in every page of the profile so that the test can read what the streams delivered. */
export async function recordServerSentEvents(context) {
  await context.addInitScript(() => {
    const Original = window.EventSource
    window.__sse = []
    window.EventSource = class extends Original {
      constructor(...args) {
        super(...args)
        const record = (event) => window.__sse.push(`${event.type}: ${event.data}`)
        for (const type of ['message', 'ready', 'inbox']) this.addEventListener(type, record)
      }
    }
  })
}

// ------------------------------------------------------------------------------------------------ files

/** A JPEG drawn in the page's canvas (a different picture each time, so that evidence is never a duplicate). */
export async function photo(page, caption) {
  const dataUrl = await page.evaluate((text) => {
    const canvas = document.createElement('canvas')
    canvas.width = 800
    canvas.height = 600
    const g = canvas.getContext('2d')
    const gradient = g.createLinearGradient(0, 0, 800, 600)
    gradient.addColorStop(0, '#35586b')
    gradient.addColorStop(1, `hsl(${Math.floor(Math.random() * 360)}, 45%, 45%)`)
    g.fillStyle = gradient
    g.fillRect(0, 0, 800, 600)
    g.fillStyle = '#fff'
    g.font = '32px sans-serif'
    g.fillText(text, 40, 280)
    g.fillText(new Date().toISOString(), 40, 330)
    return canvas.toDataURL('image/jpeg', 0.85)
  }, caption)
  return { name: `${caption.replace(/\W+/g, '-')}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(dataUrl.split(',')[1], 'base64') }
}

// ------------------------------------------------------------------------------------------------ screenshots

/** Saves the page at phone and desktop size (whatever size it has now, it is put back after). */
export async function screenshots(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  const before = page.viewportSize()
  const files = []
  for (const [size, viewport] of [['phone-390x844', PHONE], ['desktop-1440x900', DESKTOP]]) {
    await page.setViewportSize(viewport)
    await page.waitForTimeout(300) // Element Plus lays out again on resize
    const file = join(SHOTS, `${name}.${size}.png`)
    await page.screenshot({ path: file, fullPage: false })
    files.push(file)
  }
  await page.setViewportSize(before)
  return files
}

/** An Element Plus select: open it, pick the option with this test id (the popup is attached to <body>). */
export async function choose(page, selectTestId, optionTestId) {
  await page.getByTestId(selectTestId).click()
  const option = page.locator(`[data-testid="${optionTestId}"]:visible`)
  await option.click()
}
