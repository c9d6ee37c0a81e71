// On a slow phone (400 ms a round trip) the first paint of index.html's own screen must not
// wait for the app's files. The built index.html links them in <head>, where stylesheets
// block the first paint. This plugin:
// - marks the stylesheets media="print": they load without blocking, and an inline script
//   (the CSP refuses onload attributes) switches each to the screen when it has loaded or
//   failed; main.ts waits for them, so no page is drawn unstyled;
// - asks for the app's code (the entry and its imports side by side, modulepreload) as soon
//   as <head> is read, after the first screen's data, and runs it only once the first
//   screen's text has been drawn (the first contentful paint): the app's start (long tasks)
//   must not hold back that paint, which is what a person on a weak signal reads first.
//   A hidden tab (nothing to paint) starts at once;
// - writes index.inline.html beside it, the same page with that code and CSS inside it, for
//   a first visit (inline-first-load.mjs): there the code is not asked for but read from the
//   page, and run on the same terms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineVariant } from './inline-first-load.mjs';

const STYLESHEET = /<link rel="stylesheet"([^>]*)>/g;
const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

/** Asks for the code now (the lean page): right after the first screen's data. */
function askForCode(entry, imports) {
  return `${JSON.stringify([entry, ...imports])}.forEach(function (href) {
          add({ rel: 'modulepreload', crossorigin: '', href: href });
        });
        function run() {
          add({ type: 'module', crossorigin: '', src: ${JSON.stringify(entry)} });
        }`;
}

/**
 * Runs the code in the page (the inline variant): each file a blob, an import map pointing
 * their addresses at the blobs. Until the last of it has been parsed, it waits.
 */
function readCode(entry) {
  return `var arrived = false, waiting = false;
        window.jipinCodeArrived = function () {
          arrived = true;
          if (waiting) run();
        };
        function run() {
          if (!arrived) return void (waiting = true);
          var imports = { 'jipin-assets/': '/assets/' };
          document.querySelectorAll('script[data-jipin-code]').forEach(function (block) {
            var path = block.getAttribute('data-jipin-code');
            var code = new Blob([block.textContent], { type: 'text/javascript' });
            imports[path] = imports['jipin-assets/' + path.slice(8)] = URL.createObjectURL(code);
          });
          var map = document.createElement('script');
          map.type = 'importmap';
          map.textContent = JSON.stringify({ imports: imports });
          document.head.appendChild(map);
          document.querySelectorAll('style[data-app-style]').forEach(function (style) {
            style.media = 'all';
          });
          add({ type: 'module', src: imports[${JSON.stringify(entry)}] });
        }`;
}

function loader(getCode) {
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
        ${getCode}
        var started = false;
        function start() {
          if (started) return;
          started = true;
          run();
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
  let outDir = 'dist';
  let inlinePage;
  return {
    name: 'jipin-after-first-paint',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = html.match(ENTRY)?.[1];
        if (!entry) throw new Error('index.html has no entry script');
        const imports = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]);
        const stylesheets = [];
        const page = html
          .replace(ENTRY, '')
          .replace(MODULE_PRELOAD, '')
          .replace(STYLESHEET, (_tag, attributes) => {
            const tag = `<link rel="stylesheet"${attributes} media="print" data-app-style>`;
            stylesheets.push({ tag, href: attributes.match(/href="([^"]+)"/)[1] });
            return tag;
          });
        const withLoader = (code) => page.replace('</head>', () => `  ${loader(code)}\n  </head>`);
        inlinePage = { html: withLoader(readCode(entry)), entry, stylesheets };
        return withLoader(askForCode(entry, imports));
      },
    },
    // Once the chunks' code is final (Vite fills in its preload lists in generateBundle),
    // and before closeBundle, where precompress.mjs compresses it with the rest.
    writeBundle(_options, bundle) {
      const { html, entry, stylesheets } = inlinePage;
      writeFileSync(
        join(outDir, 'index.inline.html'),
        inlineVariant(html, bundle, entry, stylesheets),
      );
    },
  };
}
