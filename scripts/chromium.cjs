// How both browser tests (the storefront's and the console's) launch Debian's Chromium headless with
// the switches a sandboxed CI needs. CommonJS so that the storefront test, run through
// esbuild-register, can require it as well as the console's ES-module test can import it.
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** playwright-core launch options; `headed` shows the window (HEADED=1 when watching a run). */
function chromiumLaunchOptions({ headed = false } = {}) {
  return {
    executablePath: CHROMIUM,
    headless: !headed,
    args: [
      ...(headed ? [] : ['--headless']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

module.exports = { CHROMIUM, chromiumLaunchOptions };
