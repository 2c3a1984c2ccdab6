import { msg } from "@/lib/i18n/text";

/**
 * "Firefox on Android": what a person recognises in "Your devices", from the
 * User-Agent at sign-in. Nothing else of the header is kept. Stored as a
 * message reference (lib/i18n/text.ts) where there are words ("… on …",
 * "Unknown device"), so Settings shows it in the reader's language; a name
 * alone ("Firefox") is stored as it is, and so are rows stored as English
 * before #14 (they show as they were written). Its words are in the
 * server-only "app" namespace: Settings puts them into words on the server.
 */
export function deviceName(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  const browser =
    (/Edg(e|A|iOS)?\//.test(ua) && "Edge") ||
    (/OPR\/|Opera/.test(ua) && "Opera") ||
    (/Firefox\/|FxiOS\//.test(ua) && "Firefox") ||
    (/SamsungBrowser\//.test(ua) && "Samsung Internet") ||
    (/Chrome\/|CriOS\/|Chromium\//.test(ua) && "Chrome") ||
    (/Safari\//.test(ua) && "Safari") ||
    null;
  const system =
    (/Android/.test(ua) && "Android") ||
    (/iPhone|iPod/.test(ua) && "iPhone") ||
    (/iPad/.test(ua) && "iPad") ||
    (/Mac OS X|Macintosh/.test(ua) && "Mac") ||
    (/Windows/.test(ua) && "Windows") ||
    (/CrOS/.test(ua) && "ChromeOS") ||
    (/Linux/.test(ua) && "Linux") ||
    null;
  if (browser && system) return msg("app.device.name", { browser, os: system });
  return browser ?? system ?? msg("app.device.unknown");
}
