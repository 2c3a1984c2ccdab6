import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/ui/icons";

/** The frame of every page outside the signed-in app: a small brand header and one column. */
export function PublicShell({
  children,
  narrow = false,
  aside,
}: {
  children: ReactNode;
  narrow?: boolean;
  aside?: ReactNode;
}) {
  return (
    <>
      <header className={`public-header${narrow ? " public-narrow" : ""}`}>
        <Link href="/" className="brand">
          <LogoMark />
          Attune
        </Link>
        {aside}
      </header>
      <main id="main" tabIndex={-1} className={`page${narrow ? " page-narrow" : ""}`}>
        {children}
      </main>
      <footer className={`public-footer${narrow ? " public-narrow" : ""}`}>
        <Link href="/about">About Attune</Link>
        {" · "}Not medical advice. If you're worried about your baby or yourself, talk to your doctor, midwife or health
        visitor.
      </footer>
    </>
  );
}
