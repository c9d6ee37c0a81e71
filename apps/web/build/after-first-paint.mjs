// On a slow phone (400 ms a round trip) the first paint of index.html's own screen must not
// wait for the app's files. The built index.html links them in <head>, where stylesheets block the first paint. This plugin:
// - marks the stylesheets media="print": they load without blocking, and an inline script
//   (the CSP refuses onload attributes) switches each to the screen when it has loaded or
//   failed; main.ts waits for them, so no page is drawn unstyled;
// - asks for the app's code (the entry and its imports side by side, modulepreload) as soon
//   as <head> is read, after the first screen's data, and runs it only once the first screen's text has been drawn (the
//   first contentful paint): the app's start (long tasks) must not hold back that paint,
//   which is what a person on a weak signal reads first. Asked for after the paint, the
//   code arrived a round trip (1.5 s at the slow-3G profile) later, and the page was
//   interactive that much later. A hidden tab (nothing to paint) starts at once.
const STYLESHEET = /<link rel="stylesheet"([^>]*)>/g;
const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

function loader(entry, imports) {
  return `<script>
      (function () {
        document.querySelectorAll('link[data-app-style]').forEach(function (link) {
          function toScreen() {
            link.media = 'all';
          }
          link.addEventListener('load', toScreen);
          link.addEventListener('error', toScreen);
        });
        function add(attributes) {
          var element = document.createElement(attributes.src ? 'script' : 'link');
          for (var name in attributes) element.setAttribute(name, attributes[name]);
          document.head.appendChild(element);
        }
        // The code is asked for now, right after the first screen's data (index.html's
        // inline script before this one), and run after the first paint.
        ${JSON.stringify([entry, ...imports])}.forEach(function (href) {
          add({ rel: 'modulepreload', crossorigin: '', href: href });
        });
        var started = false;
        function start() {
          if (started) return;
          started = true;
          add({ type: 'module', crossorigin: '', src: ${JSON.stringify(entry)} });
        }
        var paints = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
        if (document.visibilityState === 'hidden') start();
        else if (paints && paints.indexOf('paint') >= 0) {
          new PerformanceObserver(function (list, observer) {
            if (!list.getEntriesByName('first-contentful-paint').length) return;
            observer.disconnect();
            setTimeout(start);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(start, 1500); // a first screen with nothing to paint
        } else requestAnimationFrame(function () { setTimeout(start); });
      })();
    </script>`;
}

export function afterFirstPaint() {
  return {
    name: 'jipin-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = html.match(ENTRY)?.[1];
        if (!entry) throw new Error('index.html has no entry script');
        const imports = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]);
        return html
          .replace(ENTRY, '')
          .replace(MODULE_PRELOAD, '')
          .replace(STYLESHEET, '<link rel="stylesheet"$1 media="print" data-app-style>')
          .replace('</head>', `  ${loader(entry, imports)}\n  </head>`);
      },
    },
  };
}
