"use client";

import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";

// A route's first load carries the code of what it shows, not of everything
// its page could show (#11: at most 160 KiB of JavaScript). With Turbopack,
// every client component a page imports is loaded with the page, rendered or
// not; a component behind lazyComponent loads only when it is rendered.
// React.lazy rather than next/dynamic, which adds about 2 KiB to each page
// that uses it. Point the lazies of one part of a page at one module, so
// they share one chunk (sibling chunks would each carry their own copy of
// what they share).

/** A lazily loaded component, and a way to start loading it before it is needed. */
export type TLazyComponent<P> = ComponentType<P> & { preload: () => void };

/**
 * A client component whose code loads the first time it renders (or when
 * `preload` is called). Rendered on the server like any other; in the
 * browser, server HTML stays until its chunk is in, and `fallback` shows only
 * when it first renders in the browser (a form opened for the first time). If
 * the chunk cannot be fetched (offline before the service worker had it), the
 * fallback stays, rather than the page's error screen.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): TLazyComponent<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const get = () => (loading ??= load().catch(() => () => fallback));
  const Lazy = lazy(async () => ({ default: await get() }));
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyComponent, { preload: () => void get() });
}

/** What a form opened for the first time shows while its code loads: room for it, no words. */
export const FORM_LOADING = <div className="form-loading" aria-busy="true" />;

/**
 * Renders `children` once the `<details>` or popover (RowMenu) around it has
 * been opened, and from then on (closing it keeps what was typed, as before).
 * For a closed form whose code is loaded by lazyComponent: nothing of it loads
 * with the page. Before the page's script runs, the panel opens empty.
 */
export function WhenOpened({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const panel = ref.current?.closest<HTMLElement>("details, [popover]");
    if (!panel) return;
    const onToggle = () => {
      if (panel instanceof HTMLDetailsElement ? panel.open : panel.matches(":popover-open")) setOpened(true);
    };
    // Opened before the page was interactive: no toggle event is coming.
    onToggle();
    panel.addEventListener("toggle", onToggle);
    return () => panel.removeEventListener("toggle", onToggle);
  }, []);
  return opened ? children : <span ref={ref} hidden />;
}
