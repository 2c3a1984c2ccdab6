"use client";

import { redirect, usePathname } from "next/navigation";

/**
 * Signed out inside the app: off to sign-in, remembering where we were. A
 * layout isn't told the URL, but a client component rendered by it knows the
 * pathname, and `redirect()` during its server render still answers 307.
 */
export function RedirectToSignIn(): never {
  const pathname = usePathname();
  redirect(`/sign-in?next=${encodeURIComponent(pathname || "/tonight")}`);
}
