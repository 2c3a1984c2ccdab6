import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { clientMessages, type TSegment } from "@/lib/i18n/messages";

/**
 * A part of the app's messages for the browser (#14: only what its client
 * components can show; lib/i18n/client-keys.json). In a segment's layout, so
 * a navigation to another part brings that part's messages.
 */
export async function SegmentMessages({ segment, children }: { segment: TSegment; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages, segment)} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
