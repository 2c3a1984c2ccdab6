import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";
import { SegmentMessages } from "@/components/segment-messages";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <SegmentMessages segment="auth">
      <PublicShell narrow>{children}</PublicShell>
    </SegmentMessages>
  );
}
