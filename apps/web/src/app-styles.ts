/**
 * index.html loads the app's stylesheets as media="print", so they do not hold back the
 * first paint, and switches each to the screen when it has loaded or failed
 * (build/after-first-paint.mjs). The app mounts once they all have: never drawn unstyled.
 */
export async function appStylesApplied(): Promise<void> {
  const pending = [
    ...document.querySelectorAll<HTMLLinkElement>('link[data-app-style][media="print"]'),
  ];
  await Promise.all(
    pending.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
}
