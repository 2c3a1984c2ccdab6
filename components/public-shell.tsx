import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("shell");
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
        {t.rich("footer", { about: (chunks) => <Link href="/about">{chunks}</Link> })}
      </footer>
    </>
  );
}
