export { CHROMIUM_ARGS, chromiumPath, type LaunchOptions, launchChromium } from './launch.js';
