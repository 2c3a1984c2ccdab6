import type { ReactNode } from "react";
import { SegmentMessages } from "@/components/segment-messages";

/** Only the messages this part's browser code can show (lib/i18n/client-keys.json). */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <SegmentMessages segment="settings">{children}</SegmentMessages>;
}
