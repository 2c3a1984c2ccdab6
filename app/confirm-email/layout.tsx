import type { ReactNode } from "react";
import { SegmentMessages } from "@/components/segment-messages";

/** Only the messages this part's browser code can show (lib/i18n/client-keys.json). */
export default function ConfirmemailLayout({ children }: { children: ReactNode }) {
  return <SegmentMessages segment="confirmEmail">{children}</SegmentMessages>;
}
