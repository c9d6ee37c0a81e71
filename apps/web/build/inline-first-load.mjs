// index.inline.html: index.html with the first load's code and styles inside it, for a first
// visit. At the slow-3G profile (issue 19) each request waits 1.5 s before its first byte:
// the code asked for after index.html came at 5.2 s at the earliest, so no page could be
// interactive by 5 s; inside the page it has come by 3.6 s. The server sends this variant
// until the service worker holds the app's files (apps/api/http/web-app-variant.ts).
//
// The code runs as modules made from blobs, one per file, under an import map:
// - a page loaded later (a lazy chunk) imports the first load by its address
//   (/assets/app-….js): the map points that address at the blob, so there is one Vue;
// - in the blobs' own code, `./x.js` (a blob has no folder to be relative to) becomes
//   `jipin-assets/x.js`, mapped to /assets/, and `import.meta.url` the file's address.

const ASSET_PREFIX = 'jipin-assets/';
const META = '__jipinMeta';

/** Script text inside <script type="text/plain">: it must not end or open a script element. */
function assertEmbeddable(fileName, text) {
  if (/<\/?script/i.test(text)) throw new Error(`${fileName} contains a <script> tag`);
}

/** A file's code, able to run from a blob (see above). */
function blobReady(chunk) {
  const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*$/, '');
  if (code.includes(META)) throw new Error(`${chunk.fileName} already uses ${META}`);
  let relative = 0;
  const rewritten = code.replace(
    /(\bfrom\s*|\bimport\s*\(?\s*)(["'`])\.\//g,
    (_match, keyword, quote) => {
      relative += 1;
      return `${keyword}${quote}${ASSET_PREFIX}`;
    },
  );
  const expected = chunk.imports.length + chunk.dynamicImports.length;
  if (relative < expected)
    throw new Error(`${chunk.fileName}: ${relative} of ${expected} imports rewritten`);
  const url = `new URL(${JSON.stringify(`/${chunk.fileName}`)},location.href).href`;
  return `const ${META}={url:${url}};${rewritten.replace(/\bimport\.meta\b/g, META)}`;
}

/** The entry and every file it imports, in the order they are listed. */
function firstLoadChunks(bundle, entryFileName) {
  const chunks = [];
  const visit = (fileName) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || chunks.includes(chunk)) return;
    chunks.push(chunk);
    chunk.imports.forEach(visit);
  };
  visit(entryFileName);
  return chunks;
}

/**
 * The inline variant of `html` (index.html with the inline loader, after-first-paint.mjs):
 * `stylesheets` are the first load's CSS links (their tag and address), moved inside.
 */
export function inlineVariant(html, bundle, entryPath, stylesheets) {
  const chunks = firstLoadChunks(bundle, entryPath.replace(/^\//, ''));
  const blocks = chunks.map((chunk) => {
    const code = blobReady(chunk);
    assertEmbeddable(chunk.fileName, code);
    return `<script type="text/plain" data-jipin-code="/${chunk.fileName}">${code}</script>`;
  });
  const styles = stylesheets.map(({ href, tag }) => {
    const css = bundle[href.replace(/^\//, '')]?.source;
    if (typeof css !== 'string') throw new Error(`no stylesheet ${href} in the bundle`);
    assertEmbeddable(href, css);
    if (/<\/style/i.test(css)) throw new Error(`${href} contains </style>`);
    return { tag, style: `<style media="print" data-app-style>${css}</style>` };
  });
  // Vite's preloader skips a file a <link> already names: the blobs are those files.
  const named = chunks
    .map((chunk) => `<link rel="jipin-inlined" href="/${chunk.fileName}">`)
    .join('\n    ');
  let inline = html.replace('</head>', () => `  ${named}\n  </head>`);
  for (const { tag } of styles) inline = inline.replace(tag, '');
  // After the page's own screen, so it is drawn while these bytes arrive.
  const tail = [
    ...styles.map(({ style }) => style),
    ...blocks,
    '<script>window.jipinCodeArrived && window.jipinCodeArrived();</script>',
  ].join('\n');
  return inline.replace('</body>', () => `${tail}\n</body>`);
}
