// Emits sw.js from build/sw.js with this build's app shell (index.html, the offline page,
// the entry chunk and what it imports, and the seeker's pages so the tabs open offline),
// so a new build replaces the old shell.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const TEMPLATE = new URL('./sw.js', import.meta.url);
const SEEKER_PAGES = /\/src\/pages\/(seeker|fairs)\//;

export function serviceWorker() {
  return {
    name: 'jipin-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // index.html as the file: the server sends '/' with the jobs of that moment drawn in.
      const shell = new Set(['/index.html', '/offline.html', '/manifest.webmanifest']);
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      const visit = (fileName) => {
        const file = bundle[fileName];
        if (!file || shell.has(`/${fileName}`)) return;
        shell.add(`/${fileName}`);
        if (file.type !== 'chunk') return;
        for (const css of file.viteMetadata?.importedCss ?? []) shell.add(`/${css}`);
        file.imports.forEach(visit);
      };
      if (entry) visit(entry.fileName);
      for (const file of Object.values(bundle))
        if (
          file.type === 'chunk' &&
          file.isDynamicEntry &&
          SEEKER_PAGES.test(file.facadeModuleId ?? '')
        )
          visit(file.fileName);
      const list = [...shell];
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('__VERSION__', version)
        .replace('__PRECACHE__', JSON.stringify(list));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
