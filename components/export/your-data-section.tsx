import type { TRole } from "@/lib/auth/actor";
import { canExport } from "@/lib/export/rights";

// Settings' "Your data": plain download links to GET /api/export, no client
// JavaScript. Which links show is the export's own rule (lib/export/rights.ts):
// parents see the household's downloads, everyone their own.

const SPREADSHEETS = [
  { area: "nights", label: "Nights on duty" },
  { area: "wakings", label: "Wakings" },
  { area: "plan", label: "Connection moments done" },
  { area: "notes", label: "Notes" },
] as const;

export function YourDataSection({ role }: { role: TRole }) {
  const household = canExport({ role }, "household");
  return (
    <section className="card stack" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p className="small muted">
        {household
          ? "What Attune keeps for your family is yours. Download it whenever you like: everything in one file, or a spreadsheet per area."
          : "What you did and wrote here is yours: your nights, the wakings you got up for, your check-ins, notes and moments."}
      </p>
      {household && (
        <ul className="list" aria-label="The household's data">
          <li>
            <a className="icon-link" href="/api/export?format=json" download>
              Download our data (JSON)
            </a>
          </li>
          {SPREADSHEETS.map((s) => (
            <li key={s.area}>
              <a className="icon-link" href={`/api/export?format=csv&area=${s.area}`} download>
                Download {s.label.toLowerCase()} (CSV)
              </a>
            </li>
          ))}
        </ul>
      )}
      <ul className="list" aria-label="Your own data">
        <li>
          <a className="icon-link" href="/api/export?format=json&scope=mine" download>
            Download my own data (JSON)
          </a>
        </li>
      </ul>
    </section>
  );
}
