/**
 * "Firefox on Android": what a person recognises in "Your devices", from the
 * User-Agent at sign-in. Nothing else of the header is kept.
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
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown device";
}
