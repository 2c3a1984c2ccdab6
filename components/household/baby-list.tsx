import { useTranslations } from "next-intl";
import type { THouseholdOverview } from "@/lib/household/members";
import { BabyIcon } from "@/components/ui/icons";
import { useServerFormat } from "@/components/format-provider";

/** The household's babies with their birth dates, or a line saying there are none yet. */
export function BabyList({ babies, testId }: { babies: THouseholdOverview["babies"]; testId?: string }) {
  const t = useTranslations("household.babies");
  const f = useServerFormat();
  if (!babies.length) return <p className="muted">{t("none")}</p>;
  return (
    <ul className="list" data-testid={testId}>
      {babies.map((b) => (
        <li key={b.id} className="cluster">
          <BabyIcon />
          <span>
            <strong>{b.name}</strong> <span className="muted">{t("born", { date: f.longDate(b.birthDate) })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
