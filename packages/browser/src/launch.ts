import { type Browser, chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.js';

/**
 * The features playwright-core 1.65 turns off (its chromiumSwitches.ts). Chromium keeps only the last
 * `--disable-features` it is given, so ours must repeat them (launch.test.ts checks that it does).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Browser UI that a headless page never shows. Headless Chromium still builds the address bar's popup
 * (a WebUI page in a renderer of its own) at every launch: 0.55 of the 1.1 s of CPU a launch costs.
 */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/**
 * Flags measured to work on this kind of machine (root, no GPU, closed network): without the
 * background-networking ones Chromium keeps dialling Google hosts and every start is slower.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_FEATURES].join(',')}`,
];

export interface LaunchOptions {
  /** Extra command-line flags. */
  args?: string[];
  timeoutMs?: number;
}

/** Launch the system Chromium headless through playwright-core (never a downloaded browser). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    timeout: options.timeoutMs ?? 60_000,
    // Playwright's own handlers would kill the browser and exit(130) on Ctrl-C; the CLI closes the
    // browser itself and exits cleanly (watch and present own their signal handling).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
