import { useTranslations } from "next-intl";
import type { TRole } from "@/lib/auth/actor";
import { canExport } from "@/lib/export/rights";

// Settings' "Your data": plain download links to GET /api/export, no client
// JavaScript. Which links show is the export's own rule (lib/export/rights.ts):
// parents see the household's downloads, everyone their own.

/** The household's spreadsheets, one per area (link texts: export.csv.<area>). */
const SPREADSHEETS = ["nights", "wakings", "plan", "notes"] as const;

export function YourDataSection({ role }: { role: TRole }) {
  const t = useTranslations("export");
  const household = canExport({ role }, "household");
  return (
    <section className="card stack" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">{t("heading")}</h2>
      <p className="small muted">{household ? t("introHousehold") : t("introOwn")}</p>
      {household && (
        <ul className="list" aria-label={t("householdLabel")}>
          <li>
            <a className="icon-link" href="/api/export?format=json" download>
              {t("downloadOurJson")}
            </a>
          </li>
          {SPREADSHEETS.map((area) => (
            <li key={area}>
              <a className="icon-link" href={`/api/export?format=csv&area=${area}`} download>
                {t(`csv.${area}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ul className="list" aria-label={t("ownLabel")}>
        <li>
          <a className="icon-link" href="/api/export?format=json&scope=mine" download>
            {t("downloadMyJson")}
          </a>
        </li>
      </ul>
    </section>
  );
}
