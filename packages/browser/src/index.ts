export { chromiumPath, chromiumStamp } from './chromium-path.js';
export { contentTypeOf } from './content-type.js';
export { CHROMIUM_ARGS, type LaunchOptions, launchChromium } from './launch.js';
export { isLoopbackHost } from './loopback-host.js';
export { reproduciblePdf } from './reproducible-pdf.js';
export { type RequestedPath, requestedPath } from './request-path.js';
export { sourceDate } from './source-date.js';
export { type ServeOptions, type StaticServer, serveFolder } from './static-server.js';
