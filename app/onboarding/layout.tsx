import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";
import { SegmentMessages } from "@/components/segment-messages";

export default function OnboardingLayout({ children }: { children: ReactNode }) {
  return (
    <SegmentMessages segment="onboarding">
      <PublicShell narrow>{children}</PublicShell>
    </SegmentMessages>
  );
}
