import Link from "next/link";
import { PublicShell } from "@/components/public-shell";

export default function NotFound() {
  return (
    <PublicShell narrow>
      <h1>We couldn&apos;t find that page</h1>
      <p>The link may be old, or mistyped. Let&apos;s get you somewhere familiar.</p>
      <p className="cluster">
        <Link href="/tonight" className="button">
          Go to Tonight
        </Link>
        <Link href="/" className="button button-secondary">
          Attune home
        </Link>
      </p>
    </PublicShell>
  );
}
