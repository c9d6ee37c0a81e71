// On a slow phone (400 ms a round trip) the first paint of index.html's own header must not
// wait for the app's files, and the app's files must not wait for the first paint. The built
// index.html links them in <head>, where stylesheets block the first paint. This plugin:
// - marks the stylesheets media="print": they load without blocking, and an inline script
//   (the CSP refuses onload attributes) switches each to the screen when it has loaded or
//   failed; main.ts waits for them, so no page is drawn unstyled;
// - fetches the entry script and its imports at once, at low priority (modulepreload,
//   fetchpriority=low: fetched, not run, and not in the way of the first paint), instead
//   of after the first frame;
// - runs the entry script only after the first frame has been drawn. A hidden tab (nothing
//   to paint) starts at once.
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
        ${JSON.stringify([...imports, entry])}.forEach(function (href) {
          add({ rel: 'modulepreload', crossorigin: '', fetchpriority: 'low', href: href });
        });
        function start() {
          add({ type: 'module', crossorigin: '', src: ${JSON.stringify(entry)} });
        }
        if (document.visibilityState === 'hidden') start();
        else requestAnimationFrame(function () { setTimeout(start); });
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
